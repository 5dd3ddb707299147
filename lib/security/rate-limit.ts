import "server-only";
import { AppError } from "@/lib/http/errors";

/**
 * Counts events per key over a sliding window, in memory. Keeps at most
 * `limit` timestamps per key and `maxKeys` keys (the oldest key is dropped
 * first), so a flood of new client IPs cannot grow it without bound.
 */
export class SlidingWindowCounter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key);
    if (!times) return [];
    while (times.length > 0 && times[0]! <= now - this.windowMs) times.shift();
    if (times.length === 0) this.hits.delete(key);
    return times;
  }

  /** Seconds until `key` is back under `limit`, or 0 when it is under it now. */
  retryAfterSeconds(key: string, limit: number, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    const freeAt = times[times.length - limit]! + this.windowMs;
    return Math.max(1, Math.ceil((freeAt - now) / 1000));
  }

  /** Records one event for `key` (keeping only the last `limit` times). */
  add(key: string, limit: number, now = Date.now()): void {
    const times = this.recent(key, now);
    if (times.length === 0) {
      if (this.hits.size >= this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
      this.hits.set(key, times);
    }
    times.push(now);
    if (times.length > limit) times.splice(0, times.length - limit);
  }

  /** Forgets every key (tests). */
  clear(): void {
    this.hits.clear();
  }
}

/** A 429 `rate_limited` with `Retry-After` in seconds. */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError("rate_limited", message, { headers: { "retry-after": String(retryAfterSeconds) }, details: { retryAfterSeconds } });
}
