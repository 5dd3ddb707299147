// Where the browser remembers its unfinished chunked uploads, so a page reload
// (or a crash) can continue from the server's offset instead of starting over.

/** The part of the Web Storage API the store needs (localStorage in the browser, a Map in tests). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem"> & Partial<Pick<Storage, "key" | "length">>;

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

export interface RememberedUpload extends ResumeRecord {
  key: string;
  dir: string;
  /** The name on the server (may be a "keep both" name). */
  name: string;
  size: number;
  lastModified: number;
}

function parseKey(key: string): [string, string, number, number] | null {
  if (!key.startsWith(prefix)) return null;
  try {
    const parts = JSON.parse(key.slice(prefix.length)) as unknown;
    if (!Array.isArray(parts) || parts.length !== 4) return null;
    const [dir, name, size, lastModified] = parts as unknown[];
    if (typeof dir !== "string" || typeof name !== "string" || typeof size !== "number" || typeof lastModified !== "number") return null;
    return [dir, name, size, lastModified];
  } catch {
    return null;
  }
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

  /** Every unexpired upload remembered in this browser (for "continue after a reload"). */
  list(): RememberedUpload[] {
    const keys: string[] = [];
    this.safely(() => {
      for (let i = 0; i < (this.storage?.length ?? 0); i++) {
        const key = this.storage?.key?.(i);
        if (key) keys.push(key);
      }
    });
    const found: RememberedUpload[] = [];
    for (const key of keys) {
      const parts = parseKey(key);
      const record = parts ? this.get(key) : null;
      if (!parts || !record) continue;
      const [dir, name, size, lastModified] = parts;
      found.push({ ...record, key, dir, name, size, lastModified });
    }
    return found;
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
