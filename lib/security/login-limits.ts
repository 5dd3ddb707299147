import "server-only";
import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/ftp/errors";
import type { AppError } from "@/lib/http/errors";
import { clientIpOf } from "./client-ip";
import { formatIp, parseIp, unmapIPv4 } from "./ip-address";
import { SlidingWindowCounter, rateLimited } from "./rate-limit";
import { normalizeHost } from "./target-rules";

/** What the audit log may say about a login attempt (never the password). */
export interface LoginFacts {
  host: string;
  port: number;
  user: string;
  tls: string;
}

/** One key per target however it is spelled: `0x7f.1` and `127.0.0.1` count together. */
function targetKey(host: string): string {
  const shown = normalizeHost(host);
  const literal = parseIp(shown);
  return literal ? formatIp(unmapIPv4(literal)) : shown;
}

interface LoginCounters {
  windowMs: number;
  failuresByIp: SlidingWindowCounter;
  failuresByHost: SlidingWindowCounter;
  sessionsByIp: SlidingWindowCounter;
}

// On globalThis so a dev hot reload does not reset the counts.
const holder = globalThis as { __ferryLoginCounters?: LoginCounters };

function counters(): LoginCounters {
  const windowMs = env().LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  if (holder.__ferryLoginCounters?.windowMs !== windowMs) {
    holder.__ferryLoginCounters = {
      windowMs,
      failuresByIp: new SlidingWindowCounter(windowMs),
      failuresByHost: new SlidingWindowCounter(windowMs),
      sessionsByIp: new SlidingWindowCounter(3_600_000),
    };
  }
  return holder.__ferryLoginCounters;
}

/**
 * Runs a login attempt under the login rate limits, refusing with 429 and
 * `Retry-After` before anything is sent to the FTP server when the client IP
 * has too many failed logins (LOGIN_FAILURES_PER_IP) or new sessions
 * (SESSIONS_PER_IP_PER_HOUR), or the target host too many failed logins
 * (LOGIN_FAILURES_PER_HOST), within LOGIN_FAILURE_WINDOW_MINUTES. Any failure
 * of `attempt` counts (wrong password, refused target, TLS): all of them are
 * ways to probe with Ferry. Failures are written to the audit log
 * (`login.failure`, with the error code); the caller logs `login.success`
 * once the session exists.
 */
export async function withLoginLimits<T>(req: Request, login: LoginFacts, attempt: () => Promise<T>): Promise<T> {
  const config = env();
  const c = counters();
  const ip = clientIpOf(req);
  const target = targetKey(login.host);
  const refuse = (error: AppError) => {
    audit("login.failure", { host: target, port: login.port, user: login.user, tls: login.tls, code: error.code }, "warn");
    return error;
  };
  const byIp = c.failuresByIp.retryAfterSeconds(ip, config.LOGIN_FAILURES_PER_IP);
  if (byIp > 0) throw refuse(rateLimited(`Too many failed logins from your address. Try again in ${byIp} seconds.`, byIp));
  const byHost = c.failuresByHost.retryAfterSeconds(target, config.LOGIN_FAILURES_PER_HOST);
  if (byHost > 0) throw refuse(rateLimited(`Too many failed logins to ${target}. Try again in ${byHost} seconds.`, byHost));
  const sessions = c.sessionsByIp.retryAfterSeconds(ip, config.SESSIONS_PER_IP_PER_HOUR);
  if (sessions > 0) throw refuse(rateLimited(`Too many new sessions from your address. Try again in ${sessions} seconds.`, sessions));
  try {
    const result = await attempt();
    c.sessionsByIp.add(ip, config.SESSIONS_PER_IP_PER_HOUR);
    return result;
  } catch (err) {
    c.failuresByIp.add(ip, config.LOGIN_FAILURES_PER_IP);
    c.failuresByHost.add(target, config.LOGIN_FAILURES_PER_HOST);
    audit("login.failure", { host: target, port: login.port, user: login.user, tls: login.tls, code: toAppError(err).code }, "warn");
    throw err;
  }
}
