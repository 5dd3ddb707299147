// Chunked uploads this browser started and never finished (page closed or reloaded, connection
// lost): the server keeps the part it got until the upload expires, so choosing the same file
// again continues from there.
import type { RememberedUpload, ResumeStore } from "./resume-store";
import type { Transport } from "./transport";
import { bodyOrThrow, UploadHttpError } from "./upload-error";
import { uploadUrls, type UploadStatusBody } from "./upload-api";

export interface InterruptedUpload extends RememberedUpload {
  /** Bytes the server holds. */
  offset: number;
}

/** The remembered uploads the server still has, with their offsets; forgets those it no longer knows. */
export async function findInterrupted(resume: ResumeStore, transport: Transport): Promise<InterruptedUpload[]> {
  const found: InterruptedUpload[] = [];
  for (const upload of resume.list()) {
    try {
      const status = bodyOrThrow<UploadStatusBody>(await transport({ method: "GET", url: uploadUrls.one(upload.id) }));
      found.push({ ...upload, offset: status.offset });
    } catch (err) {
      if (err instanceof UploadHttpError && (err.status === 404 || err.status === 410)) resume.remove(upload.key);
    }
  }
  return found;
}

/** Gives an interrupted upload up: the server removes its temporary file. */
export function discardInterrupted(resume: ResumeStore, transport: Transport, upload: RememberedUpload): void {
  resume.remove(upload.key);
  void transport({ method: "DELETE", url: uploadUrls.one(upload.id) }).catch(() => undefined);
}

/** Whether `file` is the one the interrupted upload was sending (same name, size and modification time). */
export function isSameFile(upload: RememberedUpload, file: { size: number; lastModified: number }): boolean {
  return file.size === upload.size && file.lastModified === upload.lastModified;
}
