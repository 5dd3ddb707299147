import "server-only";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { categoryOf, categoryWords, isPrivateCategory } from "./address-category";
import type { IpBytes } from "./ip-address";
import { normalizeHost, parsePorts, parseRules, ruleMatches, splitHostPort, type TargetRule } from "./target-rules";

/** A server the admin pinned Ferry to (FTP_SERVERS, or the demo's own server). */
export interface PinnedServer {
  id: string;
  label: string;
  host: string;
  port: number;
}

/** Where Ferry may connect, from configuration. */
export interface TargetPolicy {
  allowed: TargetRule[];
  denied: TargetRule[];
  ports: Array<[number, number]>;
  allowPrivate: boolean;
  /** When not empty, the only targets there are. */
  pinned: PinnedServer[];
}

/** Parses `Label=host:port, …`; the demo adds its embedded server. */
function parsePinned(config: Env): PinnedServer[] {
  const servers: PinnedServer[] = [];
  for (const entry of config.FTP_SERVERS.split(",")) {
    if (!entry.trim()) continue;
    const eq = entry.indexOf("=");
    const label = eq > 0 ? entry.slice(0, eq).trim() : "";
    const { host, port = 21 } = splitHostPort(entry.slice(eq + 1).trim());
    if (!host) throw new Error(`FTP_SERVERS: "${entry}" names no host`);
    servers.push({ id: String(servers.length + 1), label: label || `${host}:${port}`, host: normalizeHost(host), port });
  }
  if (config.FERRY_DEMO_HOST) {
    servers.push({ id: "demo", label: "Demo server", host: normalizeHost(config.FERRY_DEMO_HOST), port: config.FERRY_DEMO_PORT ?? 21 });
  }
  return servers;
}

const cache = new WeakMap<Env, TargetPolicy>();

/** The policy of the current configuration (parsed once per configuration). */
export function currentPolicy(): TargetPolicy {
  const config = env();
  let policy = cache.get(config);
  if (!policy) {
    policy = {
      allowed: parseRules(config.FTP_ALLOWED_HOSTS, "FTP_ALLOWED_HOSTS"),
      denied: parseRules(config.FTP_DENIED_HOSTS, "FTP_DENIED_HOSTS"),
      ports: parsePorts(config.FTP_ALLOWED_PORTS),
      allowPrivate: config.FTP_ALLOW_PRIVATE,
      pinned: parsePinned(config),
    };
    cache.set(config, policy);
  }
  return policy;
}

/** A refusal: 403 `target_denied`, with the reason for the UI. */
export function deny(message: string, reason: string): AppError {
  return new AppError("target_denied", message, { details: { reason } });
}

function inPortRanges(policy: TargetPolicy, port: number): boolean {
  return policy.ports.some(([from, to]) => port >= from && port <= to);
}

const portRefusal = (port: number) => deny(`Ferry may not connect to port ${port}. Ask the admin which ports are allowed.`, "port");

/** The pinned server this target is, if the policy pins. */
export function pinnedServerFor(policy: TargetPolicy, host: string, port: number): PinnedServer | undefined {
  return policy.pinned.find((s) => s.host === host && s.port === port);
}

/**
 * Everything that can be decided from the typed host and port alone, before
 * any DNS query: pinning, ports, denied names, an allow-list none of whose rules can match.
 * `shown` is the normalised host as typed; `name` is undefined for an address.
 */
export function checkBeforeResolving(policy: TargetPolicy, name: string | undefined, port: number, shown: string): void {
  if (policy.pinned.length > 0) {
    if (!pinnedServerFor(policy, shown, port)) throw deny("This Ferry connects only to the servers offered on its login page.", "not_offered");
  } else if (!inPortRanges(policy, port) && !policy.allowed.some((r) => r.port === port)) {
    throw portRefusal(port);
  }
  if (name !== undefined && policy.denied.some((r) => ruleMatches(r, name, undefined, port))) {
    throw deny(`Ferry may not connect to ${shown}.`, "denied");
  }
  const canMatchByAddress = policy.allowed.some((r) => r.kind === "net");
  if (policy.pinned.length === 0 && policy.allowed.length > 0 && !canMatchByAddress && name !== undefined && !policy.allowed.some((r) => ruleMatches(r, name, undefined, port))) {
    throw deny(`${shown} is not one of the servers this Ferry may connect to.`, "not_allowed");
  }
}

/**
 * Checks one address a target resolved to (or the literal the user typed).
 * Deny rules win; an allow-list admits only what it names; loopback, private,
 * link-local, CGNAT, multicast, unspecified and reserved addresses need an
 * exact rule (a wildcard never unlocks them), `FTP_ALLOW_PRIVATE`, or pinning.
 */
export function checkAddress(policy: TargetPolicy, name: string | undefined, address: IpBytes, port: number, shown: string): void {
  if (policy.denied.some((r) => ruleMatches(r, name, address, port))) throw deny(`Ferry may not connect to ${shown}.`, "denied");
  if (policy.pinned.length > 0) return;
  const category = categoryOf(address);
  const special = category !== "public" && !(policy.allowPrivate && isPrivateCategory(category));
  const matches = policy.allowed.filter((r) => ruleMatches(r, name, address, port));
  if (policy.allowed.length > 0 && matches.length === 0) throw deny(`${shown} is not one of the servers this Ferry may connect to.`, "not_allowed");
  // A port outside FTP_ALLOWED_PORTS is fine only for a rule that names it.
  if (!inPortRanges(policy, port) && !matches.some((r) => r.port === port)) throw portRefusal(port);
  if (special && !matches.some((r) => r.kind !== "wildcard")) {
    const what = name === undefined ? `${shown} is ${categoryWords[category]}` : `${shown} points to ${categoryWords[category]}`;
    throw deny(`${what}, which Ferry may not connect to.`, category);
  }
}
