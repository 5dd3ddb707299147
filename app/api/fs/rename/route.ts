import { audit } from "@/lib/audit/audit-log";
import { renameEntry } from "@/lib/ftp/operations/rename-entry";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { readJson, sessionRoute } from "@/lib/http/route";
import { renameBody } from "@/lib/schemas/file-operations";
import { assertSafeName, parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/rename: rename a file or folder in place
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, renameBody);
  const path = parseRemotePath(body.path);
  const renamed = await renameEntry(poolFor(session), path, assertSafeName(body.newName));
  audit("rename", { path, newName: body.newName });
  return json(renamed);
});
