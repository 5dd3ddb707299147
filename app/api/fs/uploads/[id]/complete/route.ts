import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { completeUpload } from "@/lib/transfer/resumable-upload";
import { uploadIdOf } from "@/lib/transfer/upload-id";

export const dynamic = "force-dynamic";

// POST /api/fs/uploads/<id>/complete: rename the finished temp file onto the target (size checked)
export const POST = sessionRoute(async ({ url, session }) => json(await completeUpload(session, uploadIdOf(url), url.searchParams.get("overwrite") === "1")));
