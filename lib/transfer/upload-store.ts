import "server-only";

/** A resumable upload in progress: where it goes and how big it will be. */
export interface UploadRecord {
  id: string;
  /** The session that may continue it. */
  sessionId: string;
  dir: string;
  name: string;
  /** Absolute target path. */
  path: string;
  /** Absolute path of the temp file the chunks are appended to. */
  temp: string;
  /** Declared final size (bytes). */
  size: number;
  overwrite: boolean;
  /** Epoch ms; pushed forward by every chunk. */
  expiresAt: number;
}

/**
 * Where upload records live, beside the session store and like it: the memory
 * default serves one process; a deployment with several instances plugs in a
 * shared implementation (same interface) so any instance continues an upload.
 * The bytes themselves are always on the FTP server (the temp file), so the
 * record is all an instance needs.
 */
export interface UploadStore {
  get(id: string): Promise<UploadRecord | undefined>;
  set(record: UploadRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** A session's records (to sweep expired ones). */
  ofSession(sessionId: string): Promise<UploadRecord[]>;
}

export class MemoryUploadStore implements UploadStore {
  private readonly records = new Map<string, UploadRecord>();

  async get(id: string) {
    const record = this.records.get(id);
    return record && { ...record };
  }

  async set(record: UploadRecord) {
    this.records.set(record.id, { ...record });
  }

  async delete(id: string) {
    this.records.delete(id);
  }

  async ofSession(sessionId: string) {
    return [...this.records.values()].filter((r) => r.sessionId === sessionId).map((r) => ({ ...r }));
  }
}

const holder = globalThis as { __ferryUploadStore?: UploadStore };

/** The process-wide upload store (kept across dev hot reloads). */
export function uploadStore(): UploadStore {
  holder.__ferryUploadStore ??= new MemoryUploadStore();
  return holder.__ferryUploadStore;
}
