import { readRange } from "@/lib/ftp/operations/read-range";
import { splitRemote } from "@/lib/ftp/path-parts";
import { poolFor } from "@/lib/ftp/pools";
import { AppError } from "@/lib/http/errors";
import { sessionRoute } from "@/lib/http/route";
import { inlineHeaders, previewContentType } from "@/lib/preview/inline-headers";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// GET /api/fs/preview: a file served inline (sandboxed, allowlisted type) with Range support
export const GET = sessionRoute(async ({ req, url, session }) => {
  const path = parseRemotePath(url.searchParams.get("path"));
  const { name } = splitRemote(path);
  const contentType = previewContentType(name, req.headers.get("sec-fetch-dest"));
  if (!contentType) throw new AppError("unsupported_media_type", `${name} cannot be previewed. Download it instead.`);
  const read = await readRange(poolFor(session), path, req.headers.get("range"));
  const headers: Record<string, string> = {
    ...inlineHeaders(contentType, name),
    // Next drops Content-Length from route handlers; scripts/server.mjs restores it from this header.
    "x-ferry-content-length": String(read.size === 0 ? 0 : read.range.end - read.range.start + 1),
    vary: "Sec-Fetch-Dest, Range",
  };
  if (read.partial) headers["content-range"] = `bytes ${read.range.start}-${read.range.end}/${read.size}`;
  return new Response(read.body, { status: read.partial ? 206 : 200, headers });
});
