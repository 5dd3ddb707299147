import "server-only";
import { cidrContains, parseCidr, type Cidr, type IpBytes } from "./ip-address";

/**
 * One entry of FTP_ALLOWED_HOSTS / FTP_DENIED_HOSTS: an exact host name, a
 * wildcard (`*.example.com`, or `*` for any name), an address or CIDR range,
 * each optionally bound to one port.
 */
export type TargetRule =
  | { kind: "name"; name: string; port?: number }
  | { kind: "wildcard"; suffix: string; port?: number }
  | { kind: "net"; net: Cidr; port?: number };

/** Lower case, no brackets, no trailing dot: the form rules and targets are compared in. */
export function normalizeHost(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[") && lower.endsWith("]")) return lower.slice(1, -1);
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** Splits `host:port` and `[v6]:port`; a bare IPv6 address or range has no port. */
export function splitHostPort(text: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : undefined };
  const colon = text.lastIndexOf(":");
  if (colon > 0 && text.indexOf(":") === colon && /^\d{1,5}$/.test(text.slice(colon + 1))) {
    return { host: text.slice(0, colon), port: Number(text.slice(colon + 1)) };
  }
  return { host: text };
}

/** Parses one rule; throws with the offending text so a bad setting fails loudly at startup. */
export function parseRule(text: string): TargetRule {
  const { host, port } = splitHostPort(text.trim());
  if (port !== undefined && (port < 1 || port > 65535)) throw new Error(`"${text}": port out of range`);
  const net = parseCidr(host);
  if (net) return { kind: "net", net, port };
  const name = normalizeHost(host);
  if (name === "*") return { kind: "wildcard", suffix: "", port };
  if (name.startsWith("*.") && /^[a-z0-9.-]+$/.test(name.slice(2))) return { kind: "wildcard", suffix: name.slice(1), port };
  if (/^[a-z0-9_.-]+$/.test(name) && !name.includes("*")) return { kind: "name", name, port };
  throw new Error(`"${text}" is not a host name, wildcard, address or CIDR range`);
}

/** Parses a comma-separated rule list (empty entries ignored). */
export function parseRules(list: string, setting: string): TargetRule[] {
  const rules: TargetRule[] = [];
  for (const entry of list.split(",")) {
    if (!entry.trim()) continue;
    try {
      rules.push(parseRule(entry));
    } catch (err) {
      throw new Error(`${setting}: ${(err as Error).message}`);
    }
  }
  return rules;
}

/** Does `rule` name this target? `name` is undefined when the user typed an address. */
export function ruleMatches(rule: TargetRule, name: string | undefined, address: IpBytes | undefined, port: number): boolean {
  if (rule.port !== undefined && rule.port !== port) return false;
  if (rule.kind === "net") return address !== undefined && cidrContains(rule.net, address);
  if (name === undefined) return false;
  if (rule.kind === "name") return rule.name === name;
  return rule.suffix === "" || name.endsWith(rule.suffix);
}

/** Parses `21,990,1024-65535` into inclusive ranges. */
export function parsePorts(list: string): Array<[number, number]> {
  return list
    .split(",")
    .filter((p) => p.trim())
    .map((p) => {
      const [from, to = from] = p.split("-").map((n) => Number(n.trim()));
      return [from!, to] as [number, number];
    });
}
