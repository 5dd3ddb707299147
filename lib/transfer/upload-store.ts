import "server-only";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { sharedRedis } from "@/lib/session/redis-store";

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
 * Where upload records live, beside the session store and like it: memory for
 * one process, the shared Redis of SESSION_STORE_URL for several instances, so
 * any instance continues an upload.
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

/**
 * Upload records in the Redis of SESSION_STORE_URL, beside the sessions, so any
 * instance continues any upload. Plain JSON (a folder, a name, a size: no
 * secret), kept until an hour past expiry; a per-session set lists them.
 */
export class RedisUploadStore implements UploadStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "ferry:upload:",
  ) {}

  async get(id: string) {
    const raw = await this.redis.get(this.prefix + id);
    return raw ? (JSON.parse(raw) as UploadRecord) : undefined;
  }

  async set(record: UploadRecord) {
    const keepMs = Math.max(1000, record.expiresAt - Date.now() + 3_600_000);
    await this.redis.multi().set(this.prefix + record.id, JSON.stringify(record), "PX", keepMs).sadd(`${this.prefix}of:${record.sessionId}`, record.id).pexpire(`${this.prefix}of:${record.sessionId}`, keepMs).exec();
  }

  async delete(id: string) {
    const record = await this.get(id);
    if (record) await this.redis.multi().del(this.prefix + id).srem(`${this.prefix}of:${record.sessionId}`, id).exec();
  }

  async ofSession(sessionId: string) {
    const ids = await this.redis.smembers(`${this.prefix}of:${sessionId}`);
    if (ids.length === 0) return [];
    // One round trip for all of them; an id whose record expired answers null.
    const raws = await this.redis.mget(ids.map((id) => this.prefix + id));
    return raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as UploadRecord);
  }
}

const holder = globalThis as { __ferryUploadStore?: UploadStore };

/** The process-wide upload store: Redis when SESSION_STORE_URL is set, else memory (kept across dev hot reloads). */
export function uploadStore(): UploadStore {
  const url = env().SESSION_STORE_URL;
  holder.__ferryUploadStore ??= url ? new RedisUploadStore(sharedRedis(url)) : new MemoryUploadStore();
  return holder.__ferryUploadStore;
}
