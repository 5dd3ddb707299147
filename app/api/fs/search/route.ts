import { searchNames } from "@/lib/ftp/operations/search-names";
import { poolFor } from "@/lib/ftp/pools";
import { AppError } from "@/lib/http/errors";
import { ndjsonResponse } from "@/lib/http/ndjson-response";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// GET /api/fs/search: recursive name search, hits streamed as NDJSON
export const GET = sessionRoute(async ({ req, url, session }) => {
  const path = parseRemotePath(url.searchParams.get("path"));
  const query = url.searchParams.get("q") ?? "";
  if (query.trim() === "" || query.length > 256) throw new AppError("bad_request", "Type what to search for (at most 256 characters).");
  const rawDepth = url.searchParams.get("depth");
  const depth = rawDepth === null ? undefined : Number(rawDepth);
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 1)) throw new AppError("bad_request", "The depth must be a whole number of at least 1.");
  return ndjsonResponse(req, (signal) => searchNames(poolFor(session), path, query, { depth, signal }));
});
