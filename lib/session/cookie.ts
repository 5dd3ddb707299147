import "server-only";
import { sealData, unsealData } from "iron-session";
import { env } from "@/lib/env";

/** `__Host-` binds the cookie to this exact origin, but browsers accept it only when Secure. */
export function sessionCookieName(): string {
  return env().COOKIE_SECURE ? "__Host-ferry" : "ferry";
}

/**
 * The seal outlives the session by an hour, so a cookie of a session that just
 * reached its lifetime still opens and the user is told why it ended.
 */
function sealTtlSeconds(): number {
  return (env().SESSION_MAX_HOURS + 1) * 3600;
}

/** Seals a session id into the cookie value; nothing else goes in the cookie. */
export async function sealSessionId(id: string): Promise<string> {
  return sealData({ sid: id }, { password: env().sessionPasswords, ttl: sealTtlSeconds() });
}

/** The session id in a cookie value, or undefined when it is missing, tampered with, expired or sealed with an unknown key. */
export async function unsealSessionId(value: string | undefined): Promise<string | undefined> {
  if (!value) return undefined;
  try {
    const data = await unsealData<{ sid?: unknown }>(value, { password: env().sessionPasswords, ttl: sealTtlSeconds() });
    return typeof data.sid === "string" ? data.sid : undefined;
  } catch {
    return undefined;
  }
}

/** The value of our cookie in a `Cookie` request header. */
export function readSessionCookie(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName();
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A `Set-Cookie` value; `maxAgeSeconds` 0 deletes the cookie. */
export function sessionSetCookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${sessionCookieName()}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (env().COOKIE_SECURE) parts.push("Secure");
  return parts.join("; ");
}
