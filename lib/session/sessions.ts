import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { closePool } from "@/lib/ftp/pools";
import type { ConnectionProfile } from "@/lib/ftp/profile";
import { AppError } from "@/lib/http/errors";
import type { SessionInfo } from "@/lib/schemas/session";
import { readSessionCookie, unsealSessionId } from "./cookie";
import { RedisSessionStore } from "./redis-store";
import { MemorySessionStore, sessionStore as currentStore, type SessionRecord, type SessionStore } from "./store";

function expiryOf(record: SessionRecord, now: number): "idle" | "lifetime" | undefined {
  if (now - record.createdAt > env().SESSION_MAX_HOURS * 3_600_000) return "lifetime";
  if (now - record.lastUsedAt > env().SESSION_IDLE_MINUTES * 60_000) return "idle";
  return undefined;
}

const upkeep = globalThis as { __ferrySessionUpkeep?: SessionStore };

/**
 * The session store, with its upkeep started once per store: a memory store is
 * swept every minute (an abandoned session must not keep its password and FTP
 * connections forever); a shared store tells this instance when another one
 * ended a session, so its FTP connections here close at once.
 */
function sessionStore(): SessionStore {
  const store = currentStore();
  if (upkeep.__ferrySessionUpkeep === store) return store;
  upkeep.__ferrySessionUpkeep = store;
  if (store instanceof MemorySessionStore) {
    const timer = setInterval(() => {
      const now = Date.now();
      for (const id of store.sweep((record) => expiryOf(record, now) !== undefined)) closePool(id);
    }, 60_000);
    timer.unref();
  } else if (store instanceof RedisSessionStore) {
    void store.onSessionEnded(closePool).catch(() => undefined);
  }
  return store;
}

/** Stores a new session with a fresh random id (a new id at every login). */
export async function createSession(profile: ConnectionProfile, home: string): Promise<SessionRecord> {
  const now = Date.now();
  const record: SessionRecord = { id: randomBytes(24).toString("base64url"), profile, home, createdAt: now, lastUsedAt: now };
  await sessionStore().set(record);
  return record;
}

/** Revokes a session server-side and closes its FTP connections. */
export async function destroySession(id: string): Promise<void> {
  await sessionStore().delete(id);
  closePool(id);
}

/**
 * The live session named by a sealed cookie value. Throws 401 `unauthenticated`
 * without a usable cookie and `session_expired` when the session ended; a valid
 * lookup counts as activity.
 */
export async function sessionFromCookieOrThrow(cookieValue: string | undefined): Promise<SessionRecord> {
  if (!cookieValue) throw new AppError("unauthenticated", "You are not logged in.");
  // A cookie that no longer opens (too old, sealed with a retired key, tampered with) names no session.
  const id = await unsealSessionId(cookieValue);
  if (!id) throw new AppError("session_expired", "Your session has ended. Log in again.");
  const record = await sessionStore().get(id);
  if (!record) throw new AppError("session_expired", "Your session has ended. Log in again.");
  const now = Date.now();
  const expired = expiryOf(record, now);
  if (expired) {
    await destroySession(id);
    const why = expired === "idle" ? `after ${env().SESSION_IDLE_MINUTES} minutes without activity` : `after ${env().SESSION_MAX_HOURS} hours`;
    throw new AppError("session_expired", `Your session ended ${why}. Log in again.`);
  }
  await sessionStore().touch(record, now);
  return record;
}

/** The session of an API request (from its Cookie header). */
export function getSessionOrThrow(req: Request): Promise<SessionRecord> {
  return sessionFromCookieOrThrow(readSessionCookie(req.headers.get("cookie")));
}

/** What the browser may know about its session: never the password. */
export function describeSession(record: SessionRecord): SessionInfo {
  const { host, port, user, tls, transferMode, encoding } = record.profile;
  return {
    host,
    port,
    user,
    tls,
    transferMode,
    encoding,
    home: record.home,
    createdAt: new Date(record.createdAt).toISOString(),
    expiresAt: new Date(record.createdAt + env().SESSION_MAX_HOURS * 3_600_000).toISOString(),
    idleTimeoutSeconds: env().SESSION_IDLE_MINUTES * 60,
  };
}
