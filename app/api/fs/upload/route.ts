import { json } from "@/lib/http/respond";
import { sessionRoute } from "@/lib/http/route";
import { parseRemotePath } from "@/lib/security/remote-path";
import { uploadMultipart } from "@/lib/transfer/upload-multipart";

export const dynamic = "force-dynamic";

// POST /api/fs/upload: files of a multipart/form-data body streamed into `dir` (temp name, then rename)
export const POST = sessionRoute(async ({ req, url, session }) => {
  const dir = parseRemotePath(url.searchParams.get("dir"), "folder");
  const flag = (name: string) => url.searchParams.get(name) === "1";
  const files = await uploadMultipart(session, req, dir, { overwrite: flag("overwrite"), mkdirs: flag("mkdirs") });
  return json({ files });
});
