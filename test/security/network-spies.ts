import { promises as dnsPromises } from "node:dns";
import net from "node:net";
import { vi } from "vitest";

/**
 * Watches every TCP connect (plain and TLS sockets both go through
 * net.Socket.prototype.connect) and every DNS lookup Ferry makes, and answers
 * lookups from `answers` (name → addresses) so no query leaves the machine.
 * Call `vi.restoreAllMocks()` afterwards.
 */
export function spyOnNetwork(answers: Record<string, string[] | (() => string[])> = {}) {
  const connect = vi.spyOn(net.Socket.prototype, "connect");
  const lookup = vi.spyOn(dnsPromises, "lookup").mockImplementation((async (name: string) => {
    const answer = answers[name];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    const addresses = typeof answer === "function" ? answer() : answer;
    return addresses.map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }));
  }) as unknown as typeof dnsPromises.lookup);
  return {
    lookup,
    /** Hosts of the sockets opened so far. */
    connectedHosts(): string[] {
      return connect.mock.calls.map((args) => {
        const first = args[0] as unknown;
        return typeof first === "object" && first !== null ? String((first as { host?: string }).host) : String(args[1]);
      });
    },
  };
}
