import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * Every setting Ferry reads from the environment. The `describe()` text and the
 * default are what the README's configuration table shows (see scripts/env-table.ts).
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development").describe("Set by Next.js; `production` makes `SESSION_SECRET` mandatory."),
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .describe("Key that seals the session cookie (>= 32 chars). Several keys for rotation: `2:newkey,1:oldkey` (the highest id seals). Required in production; dev and demo generate an ephemeral one."),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30).describe("A session unused for this long is logged out."),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12).describe("Absolute lifetime of a session, however active."),
  SESSION_STORE_URL: z
    .string()
    .regex(/^(rediss?:\/\/\S+)?$/, "must be a redis:// or rediss:// URL")
    .default("")
    .describe("Where session records live. Empty: in this process's memory (one instance). `redis://[:password@]host:6379/0` (or `rediss://`): a shared Redis, so several Ferry instances serve the same sessions and a logout revokes everywhere. Records are sealed with `SESSION_SECRET`."),
  COOKIE_SECURE: bool.default(true).describe("Send the session cookie only over HTTPS (named `__Host-ferry`). Set `false` only for plain-HTTP LAN installs."),
  TRUSTED_ORIGINS: z.string().default("").describe("Extra origins (comma-separated, e.g. `https://ftp.example.com`) accepted for state-changing requests, when a proxy rewrites `Host`."),
  FTP_POOL_SIZE: z.coerce.number().int().min(1).max(10).default(3).describe("FTP connections per session at most."),
  FTP_IDLE_CLOSE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60).describe("An unused pooled FTP connection is closed after this long."),
  FTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20).describe("Connect and reply timeout of FTP commands."),
  FTP_MAX_LISTING_ENTRIES: z.coerce.number().int().min(100).default(100_000).describe("Listings with more entries are refused."),
  FTP_ACTIVE_ENABLED: bool.default(true).describe("Offer active-mode transfers (PORT/EPRT: the FTP server connects back to Ferry). `false` refuses logins that ask for active mode."),
  FTP_ACTIVE_LISTEN_ADDRESS: z.string().default("").describe("Address Ferry listens on for active-mode data connections. Empty: the local address of the FTP control connection."),
  FTP_ACTIVE_PUBLIC_ADDRESS: z.string().default("").describe("Address announced to the server in PORT/EPRT, when Ferry is behind NAT (e.g. in Docker). Empty: the listening address."),
  FTP_ACTIVE_PORT_RANGE: z.string().regex(/^(\s*\d{4,5}\s*-\s*\d{4,5}\s*)?$/, "must be a range like `40000-40100`").default("").describe("Ports (`low-high`) Ferry listens on for active-mode data connections; publish them when Ferry runs in a container. Empty: any free port."),
  EDITOR_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024).describe("Largest file (bytes) the editor opens or saves; bigger files are offered for download."),
  PREVIEW_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(20).describe("A preview (media stream) the browser stops reading for this long is closed, freeing its FTP connection; players ask again with a Range."),
  RECURSIVE_MAX_ENTRIES: z.coerce.number().int().min(1).default(100_000).describe("Delete, copy, move and recursive chmod stop after visiting this many entries of a folder tree."),
  FOLDER_SIZE_MAX_ENTRIES: z.coerce.number().int().min(1).default(100_000).describe("\"Calculate size\" stops after visiting this many entries and reports a partial total."),
  FOLDER_SIZE_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(60).describe("\"Calculate size\" stops after this many seconds and reports a partial total."),
  SEARCH_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12).describe("Recursive name search goes at most this many folder levels below its start."),
  SEARCH_MAX_ENTRIES: z.coerce.number().int().min(1).default(50_000).describe("Recursive name search stops after visiting this many entries."),
  SEARCH_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(60).describe("Recursive name search stops after this many seconds."),
  EXTRACT_MAX_ZIP_BYTES: z.coerce.number().int().min(1).default(1024 * 1024 * 1024).describe("\"Extract here\" refuses zip files larger than this (bytes); the zip is spooled to a temporary file of at most this size."),
  EXTRACT_MAX_TOTAL_BYTES: z.coerce.number().int().min(1).default(4 * 1024 * 1024 * 1024).describe("\"Extract here\" refuses archives whose entries add up to more than this (bytes, uncompressed), before writing anything."),
  EXTRACT_MAX_ENTRIES: z.coerce.number().int().min(1).default(10_000).describe("\"Extract here\" refuses archives with more entries than this."),
  EXTRACT_MAX_RATIO: z.coerce.number().min(1).default(200).describe("\"Extract here\" refuses archives with an entry that expands more than this many times its compressed size (zip bombs)."),
  FTP_ALLOWED_HOSTS: z.string().default("").describe("Only these FTP targets may be used (comma-separated: `ftp.example.com`, `*.example.com`, `203.0.113.0/24`, `10.1.2.3`, `[2001:db8::1]`, any of them with `:port`). Empty: any public address. An exact name or address rule also admits a private or loopback address; a wildcard never does."),
  FTP_DENIED_HOSTS: z.string().default("").describe("FTP targets always refused, checked first (same syntax as `FTP_ALLOWED_HOSTS`)."),
  FTP_ALLOWED_PORTS: z.string().regex(/^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/, "must be ports or ranges, e.g. `21,990,1024-65535`").default("21,990,1024-65535").describe("FTP ports users may connect to (ports and ranges)."),
  FTP_ALLOW_PRIVATE: bool.default(false).describe("Internal portal: allow private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). Loopback, link-local and reserved ranges still need an explicit `FTP_ALLOWED_HOSTS` rule."),
  FTP_SERVERS: z.string().default("").describe("Pin Ferry to these servers (`Label=host:port`, comma-separated): the login form offers a choice and no other target is allowed."),
  FTP_CA_FILES: z.string().default("").describe("PEM files (comma-separated paths) of extra certificate authorities trusted for FTPS, besides Node's built-in list."),
  FTP_MAX_CONNECTIONS_TOTAL: z.coerce.number().int().min(1).default(200).describe("FTP connections this Ferry process keeps open at most, across all sessions."),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0).describe("Reverse proxies in front of Ferry whose `X-Forwarded-For` entries are trusted for the client IP (0: use the socket address)."),
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(10).describe("Failed logins per client IP within `LOGIN_FAILURE_WINDOW_MINUTES`; more get 429."),
  LOGIN_FAILURES_PER_HOST: z.coerce.number().int().min(1).default(30).describe("Failed logins per FTP target host within `LOGIN_FAILURE_WINDOW_MINUTES`; more get 429."),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15).describe("Window of the failed-login limits."),
  SESSIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(60).describe("New sessions (successful logins) per client IP per hour."),
  TRANSFERS_PER_SESSION: z.coerce.number().int().min(1).max(10).default(2).describe("Concurrent downloads/uploads per session; more get 429."),
  TRANSFER_IDLE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60).describe("A transfer that moves no byte for this long is aborted."),
  TRANSFER_MIN_BYTES_PER_SECOND: z.coerce.number().int().min(0).default(512).describe("A transfer slower than this, averaged over each minute, is aborted (0: no minimum)."),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).optional().describe("Largest file (bytes) an upload may write, plain or chunked; bigger is 413 `payload_too_large`. Unset: no limit."),
  UPLOAD_CHUNK_BYTES: z.coerce.number().int().min(64 * 1024).default(32 * 1024 * 1024).describe("Chunk size (bytes) the browser sends per request in a resumable upload (below reverse proxies' body caps, ~100 MB)."),
  UPLOAD_RESUME_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24).describe("A resumable upload left untouched for this long expires; its temporary file is removed when next touched."),
  ZIP_MAX_ENTRIES: z.coerce.number().int().min(1).default(50_000).describe("\"Download as zip\" refuses selections whose folder trees hold more entries than this."),
  AUDIT_LOG_LEVEL: z.enum(["silent", "error", "warn", "info", "debug"]).default("info").describe("Audit log level (`silent` turns it off)."),
  AUDIT_LOG_FILE: z.string().default("").describe("Append the audit log (JSON lines) to this file instead of stdout."),
  FERRY_DEMO_HOST: z.string().optional().describe("Set by `npm run demo`: offers the embedded demo server on the login form and allows no other target (with `FTP_SERVERS`)."),
  FERRY_DEMO_PORT: z.coerce.number().int().min(1).max(65535).optional().describe("Port of the embedded demo server (set by `npm run demo`)."),
});

export type Env = z.infer<typeof envSchema> & { sessionPasswords: Record<string, string> };

/** Parses SESSION_SECRET into iron-session's password map (`{ id: key }`). */
function parseSecrets(raw: string | undefined, mode: Env["NODE_ENV"]): Record<string, string> {
  if (!raw) {
    if (mode === "production") throw new Error("SESSION_SECRET: required in production (at least 32 characters)");
    const holder = globalThis as { __ferryEphemeralSecret?: string };
    // One key per process, kept across dev hot reloads so sessions survive an edit.
    holder.__ferryEphemeralSecret ??= randomBytes(32).toString("hex");
    console.warn("[ferry] SESSION_SECRET is not set: using an ephemeral key; sessions end when the server restarts.");
    return { 1: holder.__ferryEphemeralSecret };
  }
  if (!/^\d+:/.test(raw)) return { 1: raw };
  const map: Record<string, string> = {};
  for (const part of raw.split(",")) {
    const [id, ...rest] = part.split(":");
    const key = rest.join(":");
    if (key.length < 32) throw new Error(`SESSION_SECRET: key ${id} must be at least 32 characters`);
    map[String(Number(id))] = key;
  }
  return map;
}

/** Parses and validates `source`; throws one error listing every bad value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...result.data, sessionPasswords: parseSecrets(result.data.SESSION_SECRET, result.data.NODE_ENV) };
}

let cached: Env | undefined;

/** The process configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests only: forget the parsed configuration so the next `env()` re-reads it. */
export function resetEnvForTests(): void {
  cached = undefined;
}
