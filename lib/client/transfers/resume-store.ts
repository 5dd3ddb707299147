// Where the browser remembers its unfinished chunked uploads, so a page reload
// (or a crash) can continue from the server's offset instead of starting over.

/** The part of the Web Storage API the store needs (localStorage in the browser, a Map in tests). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface ResumeRecord {
  id: string;
  chunkSize: number;
  /** When the server forgets the upload (ISO 8601); an expired record is dropped. */
  expiresAt: string;
}

export interface FileIdentity {
  name: string;
  size: number;
  lastModified: number;
}

const prefix = "ferry.upload:";

/** The key of one upload: the same file (name, size, mtime) into the same folder under the same name. */
export function resumeKey(dir: string, targetName: string, file: FileIdentity): string {
  return `${prefix}${JSON.stringify([dir, targetName, file.size, file.lastModified])}`;
}

function isRecord(value: unknown): value is ResumeRecord {
  const v = value as ResumeRecord | null;
  return typeof v?.id === "string" && typeof v.chunkSize === "number" && typeof v.expiresAt === "string";
}

export class ResumeStore {
  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): ResumeRecord | null {
    const raw = this.safely(() => this.storage?.getItem(key) ?? null);
    if (!raw) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    if (!isRecord(parsed) || Date.parse(parsed.expiresAt) <= this.now()) {
      this.remove(key);
      return null;
    }
    return parsed;
  }

  set(key: string, record: ResumeRecord): void {
    this.safely(() => this.storage?.setItem(key, JSON.stringify(record)));
  }

  remove(key: string): void {
    this.safely(() => this.storage?.removeItem(key));
  }

  // Storage can throw (quota, private mode, disabled): resuming is a bonus, never a reason to fail an upload.
  private safely<T>(fn: () => T): T | null {
    try {
      return fn();
    } catch {
      return null;
    }
  }
}
