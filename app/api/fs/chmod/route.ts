import { changeMode } from "@/lib/ftp/operations/change-mode";
import { poolFor } from "@/lib/ftp/pools";
import { batchResponse } from "@/lib/http/batch-response";
import { readJson, sessionRoute } from "@/lib/http/route";
import { chmodBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/chmod: change permissions (SITE CHMOD), optionally recursive
export const POST = sessionRoute(async ({ req, session }) => {
  const { paths, ...request } = await readJson(req, chmodBody);
  const checked = paths.map((p) => parseRemotePath(p));
  return batchResponse(req, "chmod", (signal) => changeMode(poolFor(session), checked, request, signal));
});
