import "server-only";
import { cidrContains, parseCidr, unmapIPv4, type Cidr, type IpBytes } from "./ip-address";

/** What kind of network an address belongs to; everything but `public` is refused by default. */
export type AddressCategory = "public" | "loopback" | "private" | "cgnat" | "link-local" | "multicast" | "unspecified" | "reserved";

/** Words for people, used in refusals. */
export const categoryWords: Record<AddressCategory, string> = {
  public: "a public address",
  loopback: "this machine (a loopback address)",
  private: "a private network address",
  cgnat: "a carrier-grade NAT address",
  "link-local": "a link-local address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  reserved: "a reserved address",
};

/** Most specific first: the first range that contains an address decides. */
const table: Array<[string, AddressCategory]> = [
  ["0.0.0.0/32", "unspecified"],
  ["0.0.0.0/8", "reserved"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "cgnat"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "reserved"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "reserved"],
  ["198.51.100.0/24", "reserved"],
  ["203.0.113.0/24", "reserved"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["64:ff9b:1::/48", "private"],
  ["100::/64", "reserved"],
  ["2001::/23", "reserved"],
  ["2001:db8::/32", "reserved"],
  ["3fff::/20", "reserved"],
  ["5f00::/16", "reserved"],
  ["fc00::/7", "private"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "private"],
  ["ff00::/8", "multicast"],
];
const ranges: Array<[Cidr, AddressCategory]> = table.map(([cidr, category]) => [parseCidr(cidr)!, category]);
const globalUnicast = parseCidr("2000::/3")!;

/** IPv6 forms that carry an IPv4 address a gateway or the kernel will reach: IPv4-compatible, NAT64, 6to4. */
function embeddedIPv4(bytes: IpBytes): IpBytes | undefined {
  const zeros = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  if (zeros(0, 12) && !zeros(12, 14)) return bytes.slice(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return bytes.slice(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return undefined;
}

/**
 * Classifies an address for the target policy. IPv4-mapped, IPv4-compatible,
 * NAT64 and 6to4 IPv6 addresses are judged by the IPv4 address inside them;
 * IPv6 outside 2000::/3 (not yet allocated) counts as reserved.
 */
export function categoryOf(address: IpBytes): AddressCategory {
  const bytes = unmapIPv4(address);
  const inner = bytes.length === 16 ? embeddedIPv4(bytes) : undefined;
  if (inner) return categoryOf(inner);
  for (const [net, category] of ranges) if (cidrContains(net, bytes)) return category;
  if (bytes.length === 16 && !cidrContains(globalUnicast, bytes)) return "reserved";
  return "public";
}

/** Categories that `FTP_ALLOW_PRIVATE` opens for an internal portal. */
export function isPrivateCategory(category: AddressCategory): boolean {
  return category === "private" || category === "cgnat";
}
