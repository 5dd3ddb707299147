import { statEntry } from "@/lib/ftp/operations/stat-entry";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// GET /api/fs/stat: properties of one file or folder
export const GET = sessionRoute(async ({ url, session }) => {
  return json(await statEntry(poolFor(session), parseRemotePath(url.searchParams.get("path"))));
});
