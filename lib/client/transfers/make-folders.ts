// Empty folders of a folder upload: made one by one, parents first (POST /api/fs/mkdir).
import type { Transport } from "./transport";
import { UploadHttpError, bodyOrThrow } from "./upload-error";
import { uploadUrls } from "./upload-api";

/** Creates `paths` in order; a folder that already exists (409) is fine. Answers the paths that failed. */
export async function makeFolders(transport: Transport, paths: readonly string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const path of paths) {
    try {
      bodyOrThrow(await transport({ method: "POST", url: uploadUrls.mkdir(), body: { path } }));
    } catch (err) {
      if (!(err instanceof UploadHttpError && err.status === 409)) failed.push(path);
    }
  }
  return failed;
}
