import { folderSize } from "@/lib/ftp/operations/folder-size";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// GET /api/fs/size: total size of a folder (recursive, bounded, stops when the request is aborted)
export const GET = sessionRoute(async ({ req, url, session }) => {
  return json(await folderSize(poolFor(session), parseRemotePath(url.searchParams.get("path")), req.signal));
});
