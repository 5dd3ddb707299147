import { describe, expect, it } from "vitest";
import { formatOctal, hasBit, modeOfEntry, parseOctal, toRwx, withBit } from "@/components/fileops/permissions";

describe("parseOctal", () => {
  it.each([
    ["755", 0o755],
    ["0644", 0o644],
    [" 700 ", 0o700],
    ["000", 0],
  ])("reads %j", (text, mode) => expect(parseOctal(text)).toBe(mode));

  it.each(["", "75", "7555", "789", "rwxr-xr-x", "00755", "-755"])("refuses %j", (text) => expect(parseOctal(text)).toBeNull());
});

describe("formatOctal and toRwx", () => {
  it.each([
    [0o755, "755", "rwxr-xr-x"],
    [0o644, "644", "rw-r--r--"],
    [0o600, "600", "rw-------"],
    [0o7, "007", "------rwx"],
    [0o4755, "755", "rwxr-xr-x"],
  ])("%o → %s, %s", (mode, octal, rwx) => {
    expect(formatOctal(mode)).toBe(octal);
    expect(toRwx(mode)).toBe(rwx);
  });
});

describe("checkboxes", () => {
  it("reads and sets single bits, leaving the others", () => {
    expect(hasBit(0o750, "group", "read")).toBe(true);
    expect(hasBit(0o750, "group", "write")).toBe(false);
    expect(withBit(0o750, "group", "write", true)).toBe(0o770);
    expect(withBit(0o750, "owner", "execute", false)).toBe(0o650);
    expect(withBit(0o750, "other", "read", true)).toBe(0o754);
    expect(withBit(0o754, "other", "read", true)).toBe(0o754);
  });

  it("round-trips every mode through its nine checkboxes", () => {
    for (let mode = 0; mode <= 0o777; mode++) {
      let rebuilt = 0;
      for (const who of ["owner", "group", "other"] as const) for (const bit of ["read", "write", "execute"] as const) rebuilt = withBit(rebuilt, who, bit, hasBit(mode, who, bit));
      expect(rebuilt).toBe(mode);
      expect(parseOctal(formatOctal(mode))).toBe(mode);
    }
  });
});

describe("modeOfEntry", () => {
  it.each([
    ["0755", 0o755],
    ["644", 0o644],
    ["04755", 0o755],
    [null, null],
    ["", null],
    ["drwxr-xr-x", null],
  ])("%j → %j", (text, mode) => expect(modeOfEntry(text)).toBe(mode));
});
