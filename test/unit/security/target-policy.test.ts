import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/errors";
import { resolveTargetOrThrow } from "@/lib/security/resolve-target";
import type { TargetPolicy } from "@/lib/security/target-policy";
import { parsePorts, parseRules } from "@/lib/security/target-rules";
import { spyOnNetwork } from "../../security/network-spies";

function policy(overrides: { allowed?: string; denied?: string; ports?: string; allowPrivate?: boolean } = {}): TargetPolicy {
  return {
    allowed: parseRules(overrides.allowed ?? "", "allowed"),
    denied: parseRules(overrides.denied ?? "", "denied"),
    ports: parsePorts(overrides.ports ?? "21,990,1024-65535"),
    allowPrivate: overrides.allowPrivate ?? false,
    pinned: [],
  };
}

async function reasonFor(host: string, port: number, p: TargetPolicy): Promise<string> {
  try {
    const target = await resolveTargetOrThrow(host, port, p);
    return `ok ${target.address}`;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return String(err.details?.reason ?? err.code);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the target policy", () => {
  it.each([
    ["public name on 21", "ftp.example", 21, {}, "ok 8.8.8.8"],
    ["public name on 22", "ftp.example", 22, {}, "port"],
    ["internal portal: private allowed", "nas.lan", 21, { allowPrivate: true }, "ok 192.168.1.20"],
    ["internal portal: loopback still refused", "10.0.0.1.nip.example", 21, { allowPrivate: true }, "loopback"],
    ["internal portal: link-local still refused", "169.254.169.254", 21, { allowPrivate: true }, "link-local"],
    ["CIDR rule admits its private range", "nas.lan", 21, { allowed: "192.168.1.0/24" }, "ok 192.168.1.20"],
    ["CIDR rule refuses the rest", "ftp.example", 21, { allowed: "192.168.1.0/24" }, "not_allowed"],
    ["host:port rule admits that port only", "legacy.example", 2, { allowed: "legacy.example:2" }, "ok 8.8.4.4"],
    ["host:port rule does not open the port for others", "ftp.example", 2, { allowed: "legacy.example:2,*" }, "port"],
    ["wildcard admits public names", "ftp.example", 21, { allowed: "*.example" }, "ok 8.8.8.8"],
    ["wildcard never unlocks private", "nas.lan", 21, { allowed: "*.lan" }, "private"],
    ["bracketed IPv6 rule", "2606:4700::1111", 21, { allowed: "[2606:4700::1111]:21" }, "ok 2606:4700:0:0:0:0:0:1111"],
    ["denied CIDR beats allowed name", "ftp.example", 21, { allowed: "ftp.example", denied: "8.8.0.0/16" }, "denied"],
    ["mapped address meets IPv4 deny rule", "::ffff:8.8.8.8", 21, { denied: "8.8.8.8" }, "denied"],
  ] as const)("%s", async (_what, host, port, overrides, expected) => {
    spyOnNetwork({ "ftp.example": ["8.8.8.8"], "nas.lan": ["192.168.1.20"], "legacy.example": ["8.8.4.4"], "10.0.0.1.nip.example": ["127.0.0.1"] });
    expect(await reasonFor(host, port, policy(overrides))).toBe(expected);
  });

  it("refuses bad rules loudly", () => {
    expect(() => parseRules("ftp.example, *bad*", "FTP_ALLOWED_HOSTS")).toThrow(/FTP_ALLOWED_HOSTS: "\s*\*bad\*"/);
    expect(() => parseRules("host:70000", "FTP_DENIED_HOSTS")).toThrow(/port out of range/);
  });
});
