// One file in the upload queue, as the panel shows it.

export type UploadStatus =
  | "queued"
  | "uploading"
  /** Waiting for the user: the target exists (replace / skip / keep both). */
  | "conflict"
  /** Uploaded; the zip is being extracted on the server. */
  | "extracting"
  | "done"
  | "skipped"
  | "failed"
  | "cancelled";

export type ConflictAction = "replace" | "skip" | "keepBoth";

export interface UploadItem {
  readonly id: number;
  /** Remote folder the file goes into. */
  readonly dir: string;
  /** Name on the server (after "keep both" this is "name (1).ext"). */
  readonly targetName: string;
  /** Path inside the chosen or dropped folder ("photos/2024/a.jpg"), or the file name. */
  readonly displayPath: string;
  readonly size: number;
  readonly loaded: number;
  readonly status: UploadStatus;
  /** Bytes per second over the last few seconds; 0 when not uploading. */
  readonly speed: number;
  readonly secondsLeft: number | null;
  readonly error: { code: string; message: string } | null;
  /** Sent in chunks (resumable) rather than in one request. */
  readonly chunked: boolean;
  /** Extract this .zip on the server after the upload. */
  readonly extract: boolean;
  /** What extraction did: entries written and entries that failed. */
  readonly extracted: { done: number; failed: number } | null;
}

export const finishedStatuses: ReadonlySet<UploadStatus> = new Set(["done", "skipped", "cancelled"]);
export const activeStatuses: ReadonlySet<UploadStatus> = new Set(["queued", "uploading", "conflict", "extracting"]);

export interface UploadTotals {
  files: number;
  active: number;
  done: number;
  failed: number;
  /** Bytes of every file not skipped or cancelled, and how many of them are up. */
  totalBytes: number;
  loadedBytes: number;
  speed: number;
  secondsLeft: number | null;
}

/** Overall figures of a queue snapshot. */
export function totalsOf(items: readonly UploadItem[]): UploadTotals {
  const totals: UploadTotals = { files: items.length, active: 0, done: 0, failed: 0, totalBytes: 0, loadedBytes: 0, speed: 0, secondsLeft: null };
  for (const item of items) {
    if (activeStatuses.has(item.status)) totals.active++;
    if (item.status === "done") totals.done++;
    if (item.status === "failed") totals.failed++;
    if (item.status === "skipped" || item.status === "cancelled") continue;
    totals.totalBytes += item.size;
    totals.loadedBytes += item.status === "done" || item.status === "extracting" ? item.size : item.loaded;
    if (item.status === "uploading") totals.speed += item.speed;
  }
  totals.secondsLeft = totals.active > 0 && totals.speed > 0 ? (totals.totalBytes - totals.loadedBytes) / totals.speed : null;
  return totals;
}
