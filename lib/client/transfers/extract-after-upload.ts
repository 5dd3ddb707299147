// "Extract after upload": POST /api/fs/extract on a .zip that just arrived.
import type { Transport } from "./transport";
import { bodyOrThrow } from "./upload-error";
import { uploadUrls } from "./upload-api";

interface BatchSummary {
  done: unknown[];
  failed: unknown[];
}

/** Extracts the zip at `path` into its own folder; answers how many entries were written and how many failed. */
export async function extractUploadedZip(transport: Transport, path: string, signal: AbortSignal): Promise<{ done: number; failed: number }> {
  const response = await transport({ method: "POST", url: uploadUrls.extract(), body: { path }, signal });
  const summary = bodyOrThrow<BatchSummary>(response);
  return { done: summary.done.length, failed: summary.failed.length };
}
