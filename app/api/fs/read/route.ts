import { readText } from "@/lib/ftp/operations/read-text";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// GET /api/fs/read: a text file's content for the editor
export const GET = sessionRoute(async ({ url, session }) => {
  return json(await readText(poolFor(session), parseRemotePath(url.searchParams.get("path"))));
});
