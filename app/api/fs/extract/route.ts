import { releasingWhenDone } from "@/lib/ftp/batch";
import { extractZip } from "@/lib/ftp/operations/extract-zip";
import { splitRemote } from "@/lib/ftp/path-parts";
import { poolFor } from "@/lib/ftp/pools";
import { batchResponse } from "@/lib/http/batch-response";
import { readJson, sessionRoute } from "@/lib/http/route";
import { extractBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";
import { acquireTransferSlot } from "@/lib/security/transfer-slots";

export const dynamic = "force-dynamic";

// POST /api/fs/extract: "extract here" for a zip on the server
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, extractBody);
  const path = parseRemotePath(body.path);
  const targetDir = body.targetDir === undefined ? splitRemote(path).folder : parseRemotePath(body.targetDir, "target folder");
  // The zip is downloaded to a temporary file: it counts as one of the session's transfers (429 beyond).
  const release = acquireTransferSlot(session);
  return batchResponse(req, "extract", (signal) => releasingWhenDone(extractZip(poolFor(session), path, targetDir, signal), release));
});
