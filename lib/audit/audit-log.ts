import "server-only";
import { createHash } from "node:crypto";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { requestContext } from "./request-context";

/** What happened. Routes may add their own verbs; keep them short and dotted. */
export type AuditEvent =
  | "login.success"
  | "login.failure"
  | "logout"
  | "ftp.connect"
  | "target.denied"
  | "download"
  | "upload"
  | "delete"
  | "rename"
  | "move"
  | "copy"
  | "chmod"
  | "mkdir"
  | "save"
  | "extract"
  | (string & {});

/** Plain values only: an object could carry a whole session profile, password included. */
export type AuditFields = Record<string, string | number | boolean | null | undefined>;

// A field whose name looks like a secret is dropped, whatever a caller passes.
const secretName = /pass|secret|cookie|token|authorization|credential/i;

let current: { key: string; logger: Logger } | undefined;

/** The pino logger of the current settings: JSON lines to stdout, or appended to AUDIT_LOG_FILE. */
function logger(): Logger {
  const { AUDIT_LOG_LEVEL: level, AUDIT_LOG_FILE: file } = env();
  const key = `${level}\n${file}`;
  if (current?.key !== key) {
    const destination = file ? pino.destination({ dest: file, append: true, mkdir: true, sync: true }) : process.stdout;
    current = {
      key,
      logger: pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination),
    };
  }
  return current.logger;
}

/** A stable 16-hex-digit tag of a session id: follows one session through the log, useless as a cookie. */
export function sessionTag(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex").slice(0, 16);
}

/**
 * Writes one audit line: `{ level, time, event, clientIp, session, ...fields }`.
 * The client IP and session come from the request being handled (see
 * lib/http/route.ts), so callers pass only what happened: paths, sizes, targets.
 * Never pass secrets; fields named like one (password, cookie, token…) are dropped.
 */
export function audit(event: AuditEvent, fields: AuditFields = {}, level: "info" | "warn" = "info"): void {
  const log = logger();
  if (!log.isLevelEnabled(level)) return;
  const context = requestContext.getStore();
  const line: AuditFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || secretName.test(key)) continue;
    line[key] = typeof value === "string" && value.length > 2048 ? `${value.slice(0, 2048)}…` : value;
  }
  log[level]({ ...line, event, clientIp: context?.clientIp, session: context?.sessionId ? sessionTag(context.sessionId) : undefined });
}
