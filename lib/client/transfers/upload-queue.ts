// The upload engine: a queue of files with a parallel limit, per-file progress and
// speed, cancel and retry, conflicts asked once per file, and the choice between
// the one-request path and the resumable chunked one. UI-free: components read
// it through subscribe/getSnapshot (useSyncExternalStore).
import { joinPath } from "@/lib/client/paths";
import { keepBothName } from "./keep-both-name";
import { defaultDelay, newEntry, type AddOptions, type Entry, type NewUpload, type QueueOptions } from "./queue-entry";
import { resumeKey } from "./resume-store";
import { isAbortError } from "./transport";
import { busyRetryMs, errorOf, isExistsConflict } from "./upload-error";
import { uploadUrls, type UploadedFile } from "./upload-api";
import { uploadChunked } from "./upload-chunked";
import type { ConflictAction, UploadItem, UploadStatus } from "./upload-item";
import type { UploadJob } from "./upload-job";
import { uploadSmall } from "./upload-small";
import { extractUploadedZip } from "./extract-after-upload";

export type { AddOptions, NewUpload, QueueOptions };

export class UploadQueue {
  private entries: Entry[] = [];
  private nextId = 1;
  private nextBatch = 1;
  private batchPolicy = new Map<number, ConflictAction>();
  private listeners = new Set<() => void>();
  private finishListeners = new Set<(item: UploadItem, result: UploadedFile) => void>();
  private snapshot: readonly UploadItem[] = [];
  private readonly parallel: number;
  /** Uploads the server accepted at once when it last answered 429 (its TRANSFERS_PER_SESSION, minus downloads). */
  private capacity: number;
  private waking = false;
  private chunkedAbove: number;
  private readonly now: () => number;
  private readonly delay: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(private readonly options: QueueOptions) {
    this.parallel = Math.max(1, options.parallel ?? 3);
    this.capacity = this.parallel;
    this.chunkedAbove = options.chunkedAbove ?? 16 * 1024 * 1024;
    this.now = options.now ?? Date.now;
    this.delay = options.delay ?? defaultDelay;
  }

  // --- reading -------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly UploadItem[] => this.snapshot;

  /** Called once per file that reached the server (after extraction, if asked). */
  onFinished(listener: (item: UploadItem, result: UploadedFile) => void): () => void {
    this.finishListeners.add(listener);
    return () => this.finishListeners.delete(listener);
  }

  /** The file waiting for a conflict answer that arrived first, or null. */
  pendingConflict(): UploadItem | null {
    return this.entries.find((e) => e.item.status === "conflict")?.item ?? null;
  }

  /** Resolves once nothing is queued, uploading or extracting (files waiting for a conflict answer count as settled). */
  whenSettled(): Promise<void> {
    const busy = () => this.entries.some((e) => ["queued", "uploading", "extracting"].includes(e.item.status));
    if (!busy()) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (busy()) return;
        stop();
        resolve();
      });
    });
  }

  // --- commands ------------------------------------------------------------

  /** Queues files as one batch ("apply to all" answers last for the batch); returns their ids. */
  add(files: readonly NewUpload[], options: AddOptions = {}): number[] {
    const batch = this.nextBatch++;
    const ids: number[] = [];
    for (const upload of files) {
      const id = this.nextId++;
      ids.push(id);
      this.entries.push(newEntry(id, batch, upload, Boolean(options.extractZips) && /\.zip$/i.test(upload.file.name), this.chunkedAbove));
    }
    this.changed();
    this.pump();
    return ids;
  }

  /** Answers the conflict of file `id`; with `applyToAll`, also every other conflict of its batch, now and later. */
  resolveConflict(id: number, action: ConflictAction, applyToAll = false): void {
    const entry = this.find(id);
    if (!entry || entry.item.status !== "conflict") return;
    if (applyToAll) this.batchPolicy.set(entry.batch, action);
    const targets = applyToAll ? this.entries.filter((e) => e.batch === entry.batch && e.item.status === "conflict") : [entry];
    for (const target of targets) this.applyDecision(target, action);
    this.changed();
    this.pump();
  }

  /** Stops file `id`: a running upload is aborted and its server-side upload deleted. */
  cancel(id: number): void {
    const entry = this.find(id);
    if (!entry) return;
    const { status } = entry.item;
    if (status === "uploading" || status === "extracting") {
      entry.controller?.abort();
      return; // run() settles it as cancelled
    }
    if (status === "queued" || status === "conflict" || status === "failed") {
      this.discardServerUpload(entry);
      this.update(entry, { status: "cancelled", speed: 0, secondsLeft: null });
      this.changed();
      this.pump();
    }
  }

  cancelAll(): void {
    for (const entry of [...this.entries]) this.cancel(entry.item.id);
  }

  /** Queues a failed or cancelled file again; a chunked one continues where the server stopped, if it still can. */
  retry(id: number): void {
    const entry = this.find(id);
    if (!entry || (entry.item.status !== "failed" && entry.item.status !== "cancelled")) return;
    this.update(entry, { status: "queued", error: null });
    this.changed();
    this.pump();
  }

  /** Queues again every file that failed for want of a connection (the browser is back online). */
  retryNetworkFailures(): void {
    for (const entry of this.entries) if (entry.item.status === "failed" && entry.item.error?.code === "network_error") this.update(entry, { status: "queued", error: null });
    this.changed();
    this.pump();
  }

  /** Removes finished files (done, skipped, cancelled) from the list; with `failedToo`, failed ones as well. */
  clearFinished(failedToo = false): void {
    const gone = failedToo ? ["done", "skipped", "cancelled", "failed"] : ["done", "skipped", "cancelled"];
    this.entries = this.entries.filter((e) => !gone.includes(e.item.status));
    this.changed();
  }

  // --- the engine ----------------------------------------------------------

  private find(id: number): Entry | undefined {
    return this.entries.find((e) => e.item.id === id);
  }

  private update(entry: Entry, patch: Partial<{ -readonly [K in keyof UploadItem]: UploadItem[K] }>): void {
    entry.item = { ...entry.item, ...patch };
  }

  private changed(): void {
    this.snapshot = this.entries.map((e) => e.item);
    for (const listener of this.listeners) listener();
  }

  private pump(): void {
    const now = this.now();
    let running = this.entries.filter((e) => e.item.status === "uploading").length;
    let nextWake = Infinity;
    for (const entry of this.entries) {
      if (running >= Math.min(this.parallel, this.capacity)) break;
      if (entry.item.status !== "queued") continue;
      if (entry.notBefore > now) {
        nextWake = Math.min(nextWake, entry.notBefore);
        continue;
      }
      running++;
      void this.run(entry);
    }
    if (nextWake < Infinity && !this.waking) {
      this.waking = true;
      void this.delay(nextWake - now, new AbortController().signal).then(() => {
        this.waking = false;
        this.pump();
      });
    }
  }

  /**
   * 429: the server's transfer slots are taken (by these uploads or by downloads). Wait as it asks,
   * and run no more uploads at once than were running when it refused; each success allows one more.
   */
  private onBusy(entry: Entry, waitMs: number): void {
    const others = this.entries.filter((e) => e !== entry && e.item.status === "uploading").length;
    this.capacity = Math.max(1, others);
    entry.notBefore = this.now() + waitMs;
    this.update(entry, { status: "queued", speed: 0, secondsLeft: null });
  }

  private applyDecision(entry: Entry, action: ConflictAction): void {
    entry.decided = action;
    // A chunked upload refused at "complete" is still on the server: only "replace" can use it.
    if (action !== "replace") this.discardServerUpload(entry);
    if (action === "skip") {
      this.update(entry, { status: "skipped", error: null });
      return;
    }
    if (action === "replace") entry.overwrite = true;
    else this.update(entry, { targetName: keepBothName(entry.file.name, ++entry.keepBothCount) });
    this.update(entry, { status: "queued", error: null });
  }

  /** A 409 `exists`: follow this file's earlier answer or its batch's "apply to all", else ask. */
  private onConflict(entry: Entry): void {
    const action = entry.decided ?? this.batchPolicy.get(entry.batch);
    // "keep both" found another taken name: take the next number, without asking again.
    if (action) this.applyDecision(entry, action);
    else this.update(entry, { status: "conflict", loaded: 0, speed: 0, secondsLeft: null });
  }

  private discardServerUpload(entry: Entry): void {
    const id = entry.uploadId;
    entry.uploadId = null;
    this.options.resume.remove(resumeKey(entry.item.dir, entry.item.targetName, entry.file));
    if (id) void this.options.transport({ method: "DELETE", url: uploadUrls.one(id) }).catch(() => undefined);
  }

  private onProgress(entry: Entry, loaded: number): void {
    const at = this.now();
    entry.meter.add(at, loaded);
    this.update(entry, { loaded, speed: entry.meter.speed(), secondsLeft: entry.meter.secondsLeft(entry.item.size) });
    this.changed();
  }

  private async run(entry: Entry): Promise<void> {
    const controller = new AbortController();
    entry.controller = controller;
    entry.meter.reset();
    this.update(entry, { status: "uploading", error: null, speed: 0, secondsLeft: null });
    this.changed();
    const job: UploadJob = {
      target: { file: entry.file, dir: entry.item.dir, name: entry.item.targetName, overwrite: entry.overwrite, mkdirs: entry.mkdirs },
      transport: this.options.transport,
      resume: this.options.resume,
      signal: controller.signal,
      onProgress: (loaded) => this.onProgress(entry, loaded),
      onUploadId: (id) => (entry.uploadId = id),
      delay: this.delay,
      maxChunkRetries: this.options.maxChunkRetries ?? 5,
    };
    let status: UploadStatus;
    try {
      const result = entry.item.chunked ? await uploadChunked(job) : await uploadSmall(job);
      if (entry.item.extract) {
        this.update(entry, { status: "extracting", loaded: entry.item.size, speed: 0, secondsLeft: null });
        this.changed();
        await this.extract(entry, result.path, controller.signal);
      }
      this.update(entry, { status: "done", loaded: entry.item.size, speed: 0, secondsLeft: null });
      this.capacity = Math.min(this.parallel, this.capacity + 1);
      status = "done";
      this.changed();
      for (const listener of this.finishListeners) listener(entry.item, result);
    } catch (err) {
      status = this.settleFailure(entry, err, controller.signal.aborted);
    } finally {
      entry.controller = null;
    }
    if (status !== "done") this.changed();
    this.pump();
  }

  /** Extraction failing leaves the upload done: the zip is on the server, only the error says what went wrong. */
  private async extract(entry: Entry, path: string, signal: AbortSignal): Promise<void> {
    try {
      this.update(entry, { extracted: await extractUploadedZip(this.options.transport, path, signal) });
    } catch (err) {
      if (isAbortError(err) || signal.aborted) throw err;
      this.update(entry, { error: errorOf(err) });
    }
  }

  private settleFailure(entry: Entry, err: unknown, aborted: boolean): UploadStatus {
    if (aborted || isAbortError(err)) {
      this.discardServerUpload(entry);
      this.update(entry, { status: "cancelled", speed: 0, secondsLeft: null });
    } else if (isExistsConflict(err)) {
      this.onConflict(entry);
    } else if (busyRetryMs(err) !== null) {
      this.onBusy(entry, busyRetryMs(err)!);
    } else {
      this.update(entry, { status: "failed", error: errorOf(err), speed: 0, secondsLeft: null });
    }
    return entry.item.status;
  }
}

/** Absolute remote path of an item once uploaded. */
export function itemPath(item: UploadItem): string {
  return joinPath(item.dir, item.targetName);
}
