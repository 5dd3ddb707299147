import "server-only";
import { isIPv6 } from "node:net";

/** An IP address as its bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/** One part of a numeric IPv4 spelling: decimal, octal (`0…`) or hex (`0x…`), as inet_aton reads it. */
function parseIPv4Part(part: string): bigint | undefined {
  if (part.length === 0 || part.length > 40) return undefined;
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0n : BigInt(part);
  if (/^0[0-7]*$/.test(part)) return BigInt(`0o${part.slice(1) || "0"}`);
  if (/^[1-9][0-9]*$/.test(part)) return BigInt(part);
  return undefined;
}

/**
 * Reads every numeric IPv4 spelling that getaddrinfo accepts, not only
 * dotted quads: `2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`, `127.0.1`.
 * With fewer than four parts the last one fills the remaining bytes.
 */
export function parseIPv4(text: string): IpBytes | undefined {
  const parts = text.split(".");
  if (parts.length > 4) return undefined;
  const values: bigint[] = [];
  for (const part of parts) {
    const value = parseIPv4Part(part);
    if (value === undefined) return undefined;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255n)) return undefined;
  const lastBits = BigInt(8 * (4 - values.length));
  if (last >= 1n << lastBits) return undefined;
  let n = last;
  values.forEach((v, i) => (n |= v << BigInt(8 * (3 - i))));
  return Uint8Array.of(Number((n >> 24n) & 255n), Number((n >> 16n) & 255n), Number((n >> 8n) & 255n), Number(n & 255n));
}

/** Reads an IPv6 address (with or without brackets, dotted-quad tail allowed). Zone ids (`%eth0`) are refused. */
export function parseIPv6(text: string): IpBytes | undefined {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (bare.includes("%") || !isIPv6(bare)) return undefined;
  // A dotted-quad tail (`::ffff:10.0.0.1`) becomes two hex groups, so one parser reads both.
  let head = bare;
  const lastColon = bare.lastIndexOf(":");
  const v4 = bare.slice(lastColon + 1).split(".").map(Number);
  if (v4.length === 4) head = `${bare.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  const [left = "", right] = head.split("::");
  const groups = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  const l = groups(left);
  const r = right === undefined ? [] : groups(right);
  const missing = 8 - l.length - r.length;
  if (missing < 0 || (right === undefined && missing !== 0)) return undefined;
  const words = [...l, ...new Array<number>(missing).fill(0), ...r];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 255;
  });
  return bytes;
}

/** An IP literal in any spelling a resolver accepts, or undefined for a host name. */
export function parseIp(text: string): IpBytes | undefined {
  return parseIPv4(text) ?? parseIPv6(text);
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), so both spellings meet the same rules. */
export function unmapIPv4(bytes: IpBytes): IpBytes {
  if (bytes.length === 16 && bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255) return bytes.slice(12);
  return bytes;
}

/** The canonical text of an address (dotted quad, or full lower-case IPv6 groups). */
export function formatIp(bytes: IpBytes): string {
  if (bytes.length === 4) return bytes.join(".");
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return words.join(":");
}

/** A network: address bytes and prefix length in bits. */
export interface Cidr {
  bytes: IpBytes;
  bits: number;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a single address (a /32 or /128). */
export function parseCidr(text: string): Cidr | undefined {
  const [addr = "", bitsText] = text.split("/");
  const raw = parseIp(addr);
  if (!raw) return undefined;
  const bytes = unmapIPv4(raw);
  const max = bytes.length * 8;
  const bits = bitsText === undefined ? max : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) - (raw.length - bytes.length) * 8 : NaN;
  if (!(bits >= 0 && bits <= max)) return undefined;
  return { bytes, bits };
}

/** True when `address` lies inside `net` (IPv4-mapped addresses count as IPv4). */
export function cidrContains(net: Cidr, address: IpBytes): boolean {
  const bytes = unmapIPv4(address);
  if (bytes.length !== net.bytes.length) return false;
  for (let bit = 0; bit < net.bits; bit += 8) {
    const mask = net.bits - bit >= 8 ? 0xff : (0xff << (8 - (net.bits - bit))) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (net.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}
