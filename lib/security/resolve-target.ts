import "server-only";
import { promises as dnsPromises } from "node:dns";
import { audit } from "@/lib/audit/audit-log";
import { toAppError } from "@/lib/ftp/errors";
import { AppError } from "@/lib/http/errors";
import { formatIp, parseIp, unmapIPv4, type IpBytes } from "./ip-address";
import { checkAddress, checkBeforeResolving, currentPolicy, type TargetPolicy } from "./target-policy";
import { normalizeHost } from "./target-rules";

/** A target that passed the policy: connect to `address`, never to the name again. */
export interface CheckedTarget {
  /** The host as typed, normalised (lower case, no brackets). */
  host: string;
  port: number;
  /** The checked IP literal to open sockets to. */
  address: string;
  /** Every address the name resolved to; all of them passed the policy. */
  addresses: string[];
  /** The TLS server name (the host name), or undefined when the user typed an address. */
  servername: string | undefined;
}

/** Resolves a name once; IPv4 first, since FTP's PASV and most servers speak it. */
async function lookupAll(name: string): Promise<IpBytes[]> {
  let answers: Array<{ address: string; family: number }>;
  try {
    // Read through the module object at call time, so tests can watch the resolver.
    answers = await dnsPromises.lookup(name, { all: true });
  } catch (err) {
    throw toAppError(err);
  }
  const addresses = answers.map((a) => parseIp(a.address)).filter((a): a is IpBytes => a !== undefined);
  if (addresses.length === 0) throw new AppError("host_not_found", "The server name could not be found. Check the host name.");
  return addresses.map(unmapIPv4).sort((a, b) => a.length - b.length);
}

/**
 * Applies the target policy before any socket opens: decides what it can from
 * the typed host and port, resolves a name exactly once, checks every address
 * it returns, and hands back an IP literal to connect to, so a DNS answer that
 * changes between check and connect (rebinding) is never used. Numeric
 * spellings (`2130706433`, `0x7f.1`, `::ffff:127.0.0.1`) are read as the
 * addresses they are and never sent to DNS. Throws 403 `target_denied`.
 */
export async function resolveTargetOrThrow(host: string, port: number, policy: TargetPolicy = currentPolicy()): Promise<CheckedTarget> {
  const shown = normalizeHost(host);
  const literal = parseIp(shown);
  const name = literal ? undefined : shown;
  try {
    checkBeforeResolving(policy, name, port, shown);
    const addresses = literal ? [unmapIPv4(literal)] : await lookupAll(shown);
    for (const address of addresses) checkAddress(policy, name, address, port, shown);
    const texts = addresses.map(formatIp);
    return { host: shown, port, address: texts[0]!, addresses: texts, servername: name };
  } catch (err) {
    if (err instanceof AppError && err.code === "target_denied") audit("target.denied", { host: shown, port, reason: String(err.details?.reason) }, "warn");
    throw err;
  }
}
