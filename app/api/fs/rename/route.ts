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
  return json(await renameEntry(poolFor(session), parseRemotePath(body.path), assertSafeName(body.newName)));
});
