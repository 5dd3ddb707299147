import "server-only";
import { env } from "@/lib/env";

/**
 * Header scripts/server.mjs sets from the TCP peer address, after deleting any
 * copy the client sent. Trusted only when that server said it sets it.
 */
export const SOCKET_IP_HEADER = "x-ferry-socket-ip";

function socketIp(req: Request): string | undefined {
  const trusted = (globalThis as { __ferrySetsSocketIp?: boolean }).__ferrySetsSocketIp === true;
  return trusted ? (req.headers.get(SOCKET_IP_HEADER) ?? undefined) : undefined;
}

/**
 * The client's IP address for rate limits and the audit log. With TRUST_PROXY
 * = N (reverse proxies in front of Ferry), the N-th `X-Forwarded-For` entry from
 * the right, which the outermost trusted proxy wrote; entries further left are
 * the client's own word and never used. With 0, the socket address. "unknown"
 * when neither is known (e.g. `next start` without scripts/server.mjs).
 */
export function clientIpOf(req: Request): string {
  const hops = env().TRUST_PROXY;
  if (hops > 0) {
    const chain = (req.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = chain[chain.length - hops];
    if (entry) return entry.slice(0, 64);
  }
  return socketIp(req) ?? "unknown";
}
