import "server-only";
import { env } from "@/lib/env";
import type { SessionRecord } from "@/lib/session/store";
import { SessionPool } from "./pool";

// On globalThis so a dev hot reload reuses the pools instead of leaking their connections.
const holder = globalThis as { __ferryPools?: Map<string, SessionPool>; __ferryPoolShutdown?: boolean };
const pools = (holder.__ferryPools ??= new Map<string, SessionPool>());

/** The connection pool of a session, created on first use. */
export function poolFor(session: SessionRecord): SessionPool {
  let pool = pools.get(session.id);
  if (!pool) {
    pool = new SessionPool(session.profile, env().FTP_POOL_SIZE);
    pools.set(session.id, pool);
  }
  return pool;
}

/** Closes a session's connections (logout, expiry). */
export function closePool(sessionId: string): void {
  pools.get(sessionId)?.close();
  pools.delete(sessionId);
}

/** Closes every FTP connection of this process. */
export function closeAllPools(): void {
  for (const id of [...pools.keys()]) closePool(id);
}

if (!holder.__ferryPoolShutdown) {
  holder.__ferryPoolShutdown = true;
  // Say goodbye to FTP servers instead of leaving half-open sessions behind.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      closeAllPools();
      // Our listener replaced Node's default exit; restore it when nobody else (Next) handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
  process.once("beforeExit", closeAllPools);
}
