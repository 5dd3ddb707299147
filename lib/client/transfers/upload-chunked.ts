// The resumable path for files above one chunk: create → PUT chunks at offsets → complete.
// The upload id is kept in localStorage, so after a failed chunk or a page reload the
// browser asks the server how far it got (GET) and continues from there.
import { bodyOrThrow, UploadHttpError } from "./upload-error";
import { uploadUrls, type CreatedUpload, type UploadedFile, type UploadStatusBody } from "./upload-api";
import type { UploadJob } from "./upload-job";
import { resumeKey } from "./resume-store";
import { isAbortError, NetworkError } from "./transport";

interface Position {
  id: string;
  chunkSize: number;
  offset: number;
}

/** Worth trying the same request again: no answer at all, or the server (or a proxy) was briefly unwell. */
function isTransient(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  // Not 429: the queue waits for a free transfer slot itself (see UploadQueue), without spending these retries.
  return err instanceof UploadHttpError && (err.status >= 500 || err.status === 408);
}

/** Backoff before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 15 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** (attempt - 1));
}

async function serverOffset(job: UploadJob, id: string): Promise<UploadStatusBody> {
  return bodyOrThrow<UploadStatusBody>(await job.transport({ method: "GET", url: uploadUrls.one(id), signal: job.signal }));
}

/** Continues the upload remembered for this file, if the server still has it; otherwise null. */
async function resumeSaved(job: UploadJob, key: string): Promise<Position | null> {
  const saved = job.resume.get(key);
  if (!saved) return null;
  try {
    const status = await serverOffset(job, saved.id);
    if (status.size === job.target.file.size) return { id: saved.id, chunkSize: saved.chunkSize, offset: status.offset };
  } catch (err) {
    // Gone (expired, or another session): start a new one. Anything else (offline) fails this attempt.
    if (!(err instanceof UploadHttpError && (err.status === 404 || err.status === 410))) throw err;
  }
  job.resume.remove(key);
  return null;
}

async function create(job: UploadJob, key: string): Promise<Position> {
  const { dir, name, file, overwrite, mkdirs } = job.target;
  const response = await job.transport({
    method: "POST",
    url: uploadUrls.create(),
    body: { dir, name, size: file.size, overwrite, mkdirs },
    signal: job.signal,
  });
  const created = bodyOrThrow<CreatedUpload>(response);
  job.resume.set(key, { id: created.id, chunkSize: created.chunkSize, expiresAt: created.expiresAt });
  return { id: created.id, chunkSize: created.chunkSize, offset: created.offset };
}

async function sendChunks(job: UploadJob, position: Position): Promise<void> {
  const { file } = job.target;
  let { offset } = position;
  let failures = 0;
  job.onProgress(offset);
  while (offset < file.size) {
    const start = offset;
    const end = Math.min(file.size, start + position.chunkSize);
    try {
      const response = await job.transport({
        method: "PUT",
        url: uploadUrls.chunk(position.id, start),
        body: file.slice(start, end),
        signal: job.signal,
        onUploadProgress: (loaded) => job.onProgress(start + Math.min(loaded, end - start)),
      });
      offset = bodyOrThrow<{ offset: number }>(response).offset;
      failures = 0;
    } catch (err) {
      if (isAbortError(err)) throw err;
      const mismatch = err instanceof UploadHttpError && err.code === "offset_mismatch" ? err.details.offset : undefined;
      if (++failures > job.maxChunkRetries) throw err;
      if (typeof mismatch === "number") {
        offset = mismatch; // the server has a different amount: continue from there
      } else if (isTransient(err)) {
        await job.delay(retryDelayMs(failures), job.signal);
        offset = await serverOffset(job, position.id).then(
          (status) => status.offset,
          (askErr: unknown) => {
            if (isAbortError(askErr)) throw askErr;
            return start; // still unreachable: try the same chunk again; a mismatch answer resyncs
          },
        );
      } else {
        throw err;
      }
    }
    job.onProgress(offset);
  }
}

/** Uploads `job.target.file` in chunks, resuming a remembered upload of the same file when the server still has it. */
export async function uploadChunked(job: UploadJob): Promise<UploadedFile> {
  const { dir, name, file } = job.target;
  const key = resumeKey(dir, name, file);
  const position = (await resumeSaved(job, key)) ?? (await create(job, key));
  job.onUploadId(position.id);
  await sendChunks(job, position);
  // A 409 here (the name was taken meanwhile) keeps the upload: "replace" completes it with overwrite, the queue deletes it otherwise.
  const response = await job.transport({ method: "POST", url: uploadUrls.complete(position.id, job.target.overwrite), signal: job.signal });
  const done = bodyOrThrow<UploadedFile>(response);
  job.resume.remove(key);
  job.onUploadId(null);
  return done;
}
