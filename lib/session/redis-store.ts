import "server-only";
import { sealData, unsealData } from "iron-session";
import { Redis } from "ioredis";
import { AppError } from "@/lib/http/errors";
import type { SessionRecord, SessionStore } from "./store";

/** The channel on which an instance announces a session it ended, so the others close its FTP connections. */
export const SESSION_ENDED_CHANNEL = "ferry:session-ended";

export interface RedisStoreOptions {
  /** iron-session password map (SESSION_SECRET): the record holds the FTP password, so it is sealed at rest too. */
  passwords: Record<string, string>;
  /** How long Redis keeps a record from now: past this it vanishes by itself. */
  retentionMs: (record: SessionRecord, now: number) => number;
  keyPrefix?: string;
}

/**
 * Session records in a shared Redis, for several Ferry instances behind one
 * address: any instance can reconnect a session, and a logout on one is a
 * logout on all. Each record is sealed (AES-256-CBC + HMAC, like the cookie)
 * so a dump of Redis reveals no FTP password.
 */
export class RedisSessionStore implements SessionStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStoreOptions,
  ) {
    this.prefix = options.keyPrefix ?? "ferry:session:";
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const sealed = await this.call(() => this.redis.get(this.prefix + id));
    if (!sealed) return undefined;
    try {
      const record = await unsealData<SessionRecord | Record<string, never>>(sealed, { password: this.options.passwords, ttl: 0 });
      // unsealData answers {} for a seal it cannot open (a retired key): that names no session.
      return "id" in record && record.id === id ? (record as SessionRecord) : undefined;
    } catch {
      return undefined;
    }
  }

  async set(record: SessionRecord): Promise<void> {
    const sealed = await sealData(record, { password: this.options.passwords, ttl: 0 });
    const ms = Math.max(1000, Math.ceil(this.options.retentionMs(record, Date.now())));
    await this.call(() => this.redis.set(this.prefix + record.id, sealed, "PX", ms));
  }

  async touch(record: SessionRecord, at: number): Promise<void> {
    await this.set({ ...record, lastUsedAt: at });
  }

  async delete(id: string): Promise<void> {
    await this.call(() => this.redis.del(this.prefix + id));
    await this.call(() => this.redis.publish(SESSION_ENDED_CHANNEL, id));
  }

  /** Calls `onEnded(id)` whenever any instance ends a session; returns a function that stops listening. */
  async onSessionEnded(onEnded: (id: string) => void): Promise<() => Promise<void>> {
    const subscriber = this.redis.duplicate();
    subscriber.on("error", () => {
      // ioredis reconnects by itself; a missed message only delays closing idle FTP connections.
    });
    subscriber.on("message", (channel: string, id: string) => {
      if (channel === SESSION_ENDED_CHANNEL) onEnded(id);
    });
    await subscriber.subscribe(SESSION_ENDED_CHANNEL);
    return async () => {
      await subscriber.quit().catch(() => undefined);
    };
  }

  /** A Redis that is down is a 503 the user can retry, not a 500 with a stack. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (cause) {
      throw new AppError("session_store_unavailable", "Ferry cannot reach its session store right now. Try again in a moment.", { cause });
    }
  }
}

const holder = globalThis as { __ferryRedis?: Map<string, Redis> };

/** The one Redis client of this process for SESSION_STORE_URL (sessions and upload records share it). */
export function sharedRedis(url: string): Redis {
  holder.__ferryRedis ??= new Map();
  let redis = holder.__ferryRedis.get(url);
  if (!redis) {
    redis = connectRedis(url);
    holder.__ferryRedis.set(url, redis);
  }
  return redis;
}

/** A Redis client for SESSION_STORE_URL that fails fast instead of queueing requests while Redis is down. */
function connectRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 5000, enableOfflineQueue: true, lazyConnect: false });
  redis.on("error", () => {
    // Reported per request by RedisSessionStore.call; ioredis keeps reconnecting in the background.
  });
  return redis;
}
