// What one upload attempt of one file needs, handed from the queue to uploadSmall / uploadChunked.
import type { ResumeStore } from "./resume-store";
import type { Transport } from "./transport";

export interface UploadTarget {
  file: Blob & { name: string; size: number; lastModified: number };
  /** Remote folder (absolute). */
  dir: string;
  /** Name on the server (differs from file.name after "keep both"). */
  name: string;
  overwrite: boolean;
  /** Create `dir` and its parents when missing (folder uploads). */
  mkdirs: boolean;
}

export interface UploadJob {
  target: UploadTarget;
  transport: Transport;
  resume: ResumeStore;
  signal: AbortSignal;
  /** Bytes of the file on the server (or on their way) so far. */
  onProgress: (loaded: number) => void;
  /** Called with the server's upload id as soon as a chunked upload has one (so a cancel can delete it). */
  onUploadId: (id: string | null) => void;
  /** Waits `ms` milliseconds before a retry; rejects when `signal` fires. */
  delay: (ms: number, signal: AbortSignal) => Promise<void>;
  /** How many times in a row a chunk may fail (network, 5xx) before the file fails. */
  maxChunkRetries: number;
}
