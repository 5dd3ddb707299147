import { audit } from "@/lib/audit/audit-log";
import { makeDirectory } from "@/lib/ftp/operations/make-directory";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { readJson, sessionRoute } from "@/lib/http/route";
import { pathBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/mkdir: create a folder
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, pathBody);
  const path = parseRemotePath(body.path);
  const made = await makeDirectory(poolFor(session), path);
  audit("mkdir", { path });
  return json(made, { status: 201 });
});
