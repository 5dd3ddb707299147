import { AppError } from "@/lib/http/errors";
import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { appendChunk, cancelUpload, uploadStatus } from "@/lib/transfer/resumable-upload";
import { uploadIdOf } from "@/lib/transfer/upload-id";

export const dynamic = "force-dynamic";

// GET /api/fs/uploads/<id>: how far the server got (offset = the temp file's SIZE)
export const GET = sessionRoute(async ({ url, session }) => json(await uploadStatus(session, uploadIdOf(url))));

// PUT /api/fs/uploads/<id>?offset=N: append one chunk (raw body) with APPE
export const PUT = sessionRoute(async ({ req, url, session }) => {
  const raw = url.searchParams.get("offset");
  const offset = raw !== null && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(offset)) throw new AppError("bad_request", "offset must be the number of bytes the server holds.");
  return json(await appendChunk(session, uploadIdOf(url), offset, req));
});

// DELETE /api/fs/uploads/<id>: cancel, removing the temp file
export const DELETE = sessionRoute(async ({ url, session }) => {
  await cancelUpload(session, uploadIdOf(url));
  return new Response(null, { status: 204 });
});
