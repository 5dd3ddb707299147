// The queue's options, what callers hand it, and its record of one file.
import type { ResumeStore } from "./resume-store";
import { SpeedMeter } from "./speed-meter";
import type { Transport } from "./transport";
import type { ConflictAction, UploadItem } from "./upload-item";
import type { UploadTarget } from "./upload-job";

export interface QueueOptions {
  transport: Transport;
  resume: ResumeStore;
  /** Files uploading at the same time; default 3, the rest wait. */
  parallel?: number;
  /** Files bigger than this go in chunks (resumable; the server chooses the chunk size); default 16 MiB. */
  chunkedAbove?: number;
  now?: () => number;
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Chunk failures in a row before a file fails; default 5. */
  maxChunkRetries?: number;
}

export interface NewUpload {
  file: UploadTarget["file"];
  dir: string;
  /** Path inside a chosen or dropped folder, for display; defaults to the file name. */
  displayPath?: string;
  /** Create `dir` when missing (folder uploads). */
  mkdirs?: boolean;
  /** Name on the server when not the file's own (continuing an interrupted "keep both" upload). */
  targetName?: string;
}

export interface AddOptions {
  /** Extract .zip files on the server once uploaded. */
  extractZips?: boolean;
}

export interface Entry {
  item: UploadItem;
  file: UploadTarget["file"];
  batch: number;
  mkdirs: boolean;
  overwrite: boolean;
  /** The user already answered a conflict for this file: never ask twice. */
  decided: ConflictAction | null;
  keepBothCount: number;
  uploadId: string | null;
  controller: AbortController | null;
  meter: SpeedMeter;
  /** After a 429 the file waits until then (ms) before it is tried again. */
  notBefore: number;
}

export const defaultDelay = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** A fresh queued entry for `upload`; `extract` when the caller asked for it and the file is a .zip. */
export function newEntry(id: number, batch: number, upload: NewUpload, extract: boolean, chunkedAbove: number): Entry {
  const name = upload.file.name;
  return {
    item: {
      id,
      dir: upload.dir,
      targetName: upload.targetName ?? name,
      displayPath: upload.displayPath ?? name,
      size: upload.file.size,
      loaded: 0,
      status: "queued",
      speed: 0,
      secondsLeft: null,
      error: null,
      chunked: upload.file.size > chunkedAbove,
      extract,
      extracted: null,
    },
    file: upload.file,
    batch,
    mkdirs: Boolean(upload.mkdirs),
    overwrite: false,
    decided: null,
    keepBothCount: 0,
    uploadId: null,
    controller: null,
    meter: new SpeedMeter(),
    notBefore: 0,
  };
}
