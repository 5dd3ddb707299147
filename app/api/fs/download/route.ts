import { nodeBodyResponse } from "@/lib/http/node-body";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";
import { openDownload } from "@/lib/transfer/download-file";

export const dynamic = "force-dynamic";

const download = sessionRoute(async ({ req, url, session }) => {
  const answer = await openDownload(session, parseRemotePath(url.searchParams.get("path")), req);
  const init = { status: answer.status, headers: answer.headers };
  return answer.body ? nodeBodyResponse(answer.body, init) : new Response(null, init);
});

// GET /api/fs/download: a file as an attachment, streamed, with Range (206/416)
export const GET = download;

// HEAD /api/fs/download: the same headers without a body (no RETR)
export const HEAD = download;
