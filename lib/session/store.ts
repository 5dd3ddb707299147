import "server-only";
import { env } from "@/lib/env";
import type { ConnectionProfile } from "@/lib/ftp/profile";
import { RedisSessionStore, sharedRedis } from "./redis-store";

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
  /** Records activity on a record just read with `get` (so a shared store needs no second read). */
  touch(record: SessionRecord, at: number): Promise<void>;
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

  async touch(record: SessionRecord, at: number) {
    const kept = this.records.get(record.id);
    if (kept) kept.lastUsedAt = at;
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

/**
 * How long a shared store keeps a record: until it would expire (idle or
 * lifetime, whichever is first) plus an hour, so a late request still learns
 * why its session ended.
 */
function retentionMs(record: SessionRecord, now: number): number {
  const idleEnd = record.lastUsedAt + env().SESSION_IDLE_MINUTES * 60_000;
  const lifetimeEnd = record.createdAt + env().SESSION_MAX_HOURS * 3_600_000;
  return Math.min(idleEnd, lifetimeEnd) - now + 3_600_000;
}

function createStore(): SessionStore {
  const url = env().SESSION_STORE_URL;
  if (!url) return new MemorySessionStore();
  return new RedisSessionStore(sharedRedis(url), { passwords: env().sessionPasswords, retentionMs });
}

/** The process-wide session store, chosen by SESSION_STORE_URL (kept across dev hot reloads). */
export function sessionStore(): SessionStore {
  holder.__ferrySessionStore ??= createStore();
  return holder.__ferrySessionStore;
}

/** Tests only: use this store from now on (e.g. a Redis one), returning the previous one. */
export function replaceSessionStoreForTests(store: SessionStore | undefined): SessionStore | undefined {
  const previous = holder.__ferrySessionStore;
  holder.__ferrySessionStore = store;
  return previous;
}
