import { listDirectory } from "@/lib/ftp/operations/list-directory";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// GET /api/fs/list: list a directory
export const GET = sessionRoute(async ({ url, session }) => {
  const path = parseRemotePath(url.searchParams.get("path"));
  return json(await listDirectory(poolFor(session), path));
});
