import { json } from "@/lib/http/respond";
import { readJson, sessionRoute } from "@/lib/http/route";
import { createUploadBody } from "@/lib/schemas/upload";
import { createUpload } from "@/lib/transfer/resumable-upload";

export const dynamic = "force-dynamic";

// POST /api/fs/uploads: start a resumable chunked upload (temp file beside the target)
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, createUploadBody);
  return json(await createUpload(session, body), { status: 201 });
});
