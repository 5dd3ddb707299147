import { moveEntries } from "@/lib/ftp/operations/move-entries";
import { poolFor } from "@/lib/ftp/pools";
import { batchResponse } from "@/lib/http/batch-response";
import { readJson, sessionRoute } from "@/lib/http/route";
import { moveBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/move: move files and folders into another folder
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, moveBody);
  const paths = body.paths.map((p) => parseRemotePath(p));
  const targetDir = parseRemotePath(body.targetDir, "target folder");
  return batchResponse(req, "move", (signal) => moveEntries(poolFor(session), paths, targetDir, signal));
});
