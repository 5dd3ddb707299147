import "server-only";
import type { ConnectionProfile } from "@/lib/ftp/profile";

/** A logged-in session, kept on the server; the cookie only names it. */
export interface SessionRecord {
  id: string;
  profile: ConnectionProfile;
  /** The remote home directory, from PWD at login. */
  home: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastUsedAt: number;
}

/** Where session records live: memory for one process, a shared store for several. */
export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  set(record: SessionRecord): Promise<void>;
  touch(id: string, at: number): Promise<void>;
  delete(id: string): Promise<void>;
}

/** The default store: a Map in this process. Records vanish on restart. */
export class MemorySessionStore implements SessionStore {
  private readonly records = new Map<string, SessionRecord>();

  async get(id: string) {
    return this.records.get(id);
  }

  async set(record: SessionRecord) {
    this.records.set(record.id, record);
  }

  async touch(id: string, at: number) {
    const record = this.records.get(id);
    if (record) record.lastUsedAt = at;
  }

  async delete(id: string) {
    this.records.delete(id);
  }

  /** Drops records for which `isExpired` says so; returns their ids. */
  sweep(isExpired: (record: SessionRecord) => boolean): string[] {
    const gone: string[] = [];
    for (const record of this.records.values()) {
      if (isExpired(record)) {
        this.records.delete(record.id);
        gone.push(record.id);
      }
    }
    return gone;
  }
}

const holder = globalThis as { __ferrySessionStore?: SessionStore };

/** The process-wide session store (kept across dev hot reloads). */
export function sessionStore(): SessionStore {
  holder.__ferrySessionStore ??= new MemorySessionStore();
  return holder.__ferrySessionStore;
}
