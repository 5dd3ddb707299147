import "server-only";
import { env } from "@/lib/env";
import { rateLimited } from "./rate-limit";

const holder = globalThis as { __ferryTransferSlots?: Map<string, number> };
const active = (holder.__ferryTransferSlots ??= new Map<string, number>());

/**
 * Takes one of the session's TRANSFERS_PER_SESSION (default 2) concurrent
 * transfer slots, or throws 429 `rate_limited` with `Retry-After`. Call it
 * before the first FTP command of a download or upload and call the returned
 * `release` exactly when the transfer ends, which for a streamed download is
 * when the response body finishes or is cancelled, not when the handler
 * returns. `release` may be called more than once.
 */
export function acquireTransferSlot(session: { id: string }): () => void {
  const inUse = active.get(session.id) ?? 0;
  if (inUse >= env().TRANSFERS_PER_SESSION) {
    throw rateLimited(`At most ${env().TRANSFERS_PER_SESSION} transfers can run at once in a session. Wait for one to finish.`, 2);
  }
  active.set(session.id, inUse + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (active.get(session.id) ?? 1) - 1;
    if (left > 0) active.set(session.id, left);
    else active.delete(session.id);
  };
}

/** Transfers running now in a session (diagnostics, tests). */
export function activeTransfers(sessionId: string): number {
  return active.get(sessionId) ?? 0;
}
