import { audit } from "@/lib/audit/audit-log";
import { createFile } from "@/lib/ftp/operations/create-file";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { readJson, sessionRoute } from "@/lib/http/route";
import { pathBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/touch: create an empty file
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, pathBody);
  const path = parseRemotePath(body.path);
  const made = await createFile(poolFor(session), path);
  audit("create", { path });
  return json(made, { status: 201 });
});
