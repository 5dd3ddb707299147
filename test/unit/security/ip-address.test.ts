import { describe, expect, it } from "vitest";
import { categoryOf } from "@/lib/security/address-category";
import { cidrContains, formatIp, parseCidr, parseIp } from "@/lib/security/ip-address";

describe("parseIp reads every spelling a resolver accepts", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["127.0.1", "127.0.0.1"],
    ["2130706433", "127.0.0.1"],
    ["0x7f000001", "127.0.0.1"],
    ["0X7F.0.0.1", "127.0.0.1"],
    ["0177.0.0.01", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["0x7f.0x0.0.0x1", "127.0.0.1"],
    ["0", "0.0.0.0"],
    ["192.168.257", "192.168.1.1"],
    ["::1", "0:0:0:0:0:0:0:1"],
    ["[::1]", "0:0:0:0:0:0:0:1"],
    ["::ffff:127.0.0.1", "0:0:0:0:0:ffff:7f00:1"],
    ["2001:db8::10.0.0.1", "2001:db8:0:0:0:0:a00:1"],
    ["fe80::1:2", "fe80:0:0:0:0:0:1:2"],
  ])("%s → %s", (text, canonical) => {
    expect(formatIp(parseIp(text)!)).toBe(canonical);
  });

  it.each(["256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x1.0x100.0.0", "4294967296", "127.0.0.1x", "example.com", "fe80::1%eth0", "1::2::3", ""])("%s is not an address", (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe("CIDR ranges", () => {
  it.each([
    ["10.0.0.0/8", "10.255.1.2", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["172.16.0.0/12", "172.31.255.255", true],
    ["172.16.0.0/12", "172.32.0.0", false],
    ["10.0.0.0/8", "::ffff:10.1.1.1", true],
    ["::ffff:10.0.0.0/104", "10.1.1.1", true],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["127.0.0.1", "127.0.0.1", true],
    ["127.0.0.1", "127.0.0.2", false],
  ])("%s contains %s: %s", (cidr, address, inside) => {
    expect(cidrContains(parseCidr(cidr)!, parseIp(address)!)).toBe(inside);
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/x", "nope/8"])("%s is refused", (cidr) => {
    expect(parseCidr(cidr)).toBeUndefined();
  });
});

describe("address categories", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
    ["64:ff9b::8.8.8.8", "public"],
    ["2002:808:808::1", "public"],
    ["127.255.0.1", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.0.1", "private"],
    ["fc00::1", "private"],
    ["fec0::1", "private"],
    ["64:ff9b::192.168.0.1", "private"],
    ["2002:c0a8:1::", "private"],
    ["100.100.100.100", "cgnat"],
    ["169.254.0.1", "link-local"],
    ["fe80::abcd", "link-local"],
    ["239.255.255.250", "multicast"],
    ["ff05::2", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["0.1.2.3", "reserved"],
    ["192.0.0.8", "reserved"],
    ["203.0.113.9", "reserved"],
    ["255.255.255.255", "reserved"],
    ["2001::1", "reserved"],
    ["100::1", "reserved"],
    ["4000::1", "reserved"],
  ])("%s is %s", (address, category) => {
    expect(categoryOf(parseIp(address)!)).toBe(category);
  });
});
