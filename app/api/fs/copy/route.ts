import { copyEntries } from "@/lib/ftp/operations/copy-entries";
import { poolFor } from "@/lib/ftp/pools";
import { batchResponse } from "@/lib/http/batch-response";
import { readJson, sessionRoute } from "@/lib/http/route";
import { copyBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/copy: copy files and folders within the server
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, copyBody);
  const paths = body.paths.map((p) => parseRemotePath(p));
  const targetDir = parseRemotePath(body.targetDir, "target folder");
  return batchResponse(req, "copy", (signal) => copyEntries(poolFor(session), paths, targetDir, { conflict: body.conflict, signal }));
});
