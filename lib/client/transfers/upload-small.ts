// The one-request path for files up to one chunk: multipart POST /api/fs/upload.
import { bodyOrThrow } from "./upload-error";
import { uploadUrls, type UploadedFile } from "./upload-api";
import type { UploadJob } from "./upload-job";

/** Uploads `job.file` in one multipart request; progress is clamped to the file's own bytes. */
export async function uploadSmall(job: UploadJob): Promise<UploadedFile> {
  const { file, dir, name, overwrite, mkdirs } = job.target;
  const form = new FormData();
  form.append("file", file, name);
  const response = await job.transport({
    method: "POST",
    url: uploadUrls.multipart(dir, { overwrite, mkdirs }),
    body: form,
    signal: job.signal,
    // The request also carries the multipart headers: scale to the file's size.
    onUploadProgress: (loaded, total) => job.onProgress(total > 0 ? Math.min(file.size, Math.round((loaded * file.size) / total)) : 0),
  });
  const { files } = bodyOrThrow<{ files: UploadedFile[] }>(response);
  job.onProgress(file.size);
  const uploaded = files[0];
  return uploaded ?? { name, path: `${dir.replace(/\/$/, "")}/${name}`, size: file.size };
}
