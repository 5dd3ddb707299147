import { describe, expect, it } from "vitest";
import { planExtraction, type ZipEntryInfo } from "@/lib/zip/plan-extraction";

const limits = { maxEntries: 100, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200 };
const MiB = 1024 * 1024;

/** An entry as the central directory describes it; a plain deflated Unix file by default. */
const entry = (name: string, over: Partial<ZipEntryInfo> = {}): ZipEntryInfo => ({
  name,
  compressedSize: 10,
  uncompressedSize: 20,
  encrypted: false,
  compressionMethod: 8,
  unixType: name.endsWith("/") ? 0o040000 : 0o100000,
  ...over,
});

describe("planExtraction: one entry", () => {
  it.each([
    ["../x", "outside the folder"],
    ["a/../../x", "outside the folder"],
    ["/etc/passwd", "absolute"],
    ["a\\b.txt", "backslash"],
    ["C:/x.txt", "drive letter"],
    ["c:x.txt", "drive letter"],
    ["a\u0000b", "control characters"],
    ["a//b", "empty path segment"],
    [".", "empty"],
    [`${"n".repeat(256)}.txt`, "longer than 255 bytes"],
  ])("refuses %j (%s) and plans nothing for it", (name, reason) => {
    const plan = planExtraction([entry(name)], limits);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]!.reason).toContain(reason);
    expect(plan.files).toEqual([]);
    expect(plan.dirs).toEqual([]);
  });

  it.each([
    ["a symbolic link", entry("link", { unixType: 0o120000 }), "Symbolic links"],
    ["an encrypted entry", entry("secret.txt", { encrypted: true }), "encrypted"],
    ["an unknown compression method", entry("x.bz2", { compressionMethod: 12 }), "compression method"],
  ])("refuses %s", (_what, e, reason) => {
    expect(planExtraction([e], limits).refused[0]!.reason).toContain(reason);
  });

  it.each([
    ["./a/b.txt", ["a"], ["a/b.txt"]],
    ["a/b/c.txt", ["a", "a/b"], ["a/b/c.txt"]],
    ["./", [], []],
    ["한글/이름.txt", ["한글"], ["한글/이름.txt"]],
  ])("plans %j as folders %j and files %j", (name, dirs, files) => {
    const plan = planExtraction([entry(name)], limits);
    expect(plan.refused).toEqual([]);
    expect(plan.dirs).toEqual(dirs);
    expect(plan.files.map((f) => f.path)).toEqual(files);
  });
});

describe("planExtraction: the whole archive", () => {
  it("refuses a name used twice, and a file where a folder of that name is needed", () => {
    const plan = planExtraction([entry("a.txt"), entry("a.txt"), entry("b"), entry("b/c.txt")], limits);
    expect(plan.files.map((f) => f.path)).toEqual(["a.txt", "b"]);
    expect(plan.refused.map((r) => r.name)).toEqual(["a.txt", "b/c.txt"]);
  });

  it.each([
    ["more entries than maxEntries", Array.from({ length: 101 }, (_, i) => entry(`${i}.txt`)), "entries"],
    ["more bytes than maxTotalBytes", [entry("a", { uncompressedSize: 60 * MiB, compressedSize: 30 * MiB }), entry("b", { uncompressedSize: 60 * MiB, compressedSize: 30 * MiB })], "expand to"],
    ["one entry above the ratio", [entry("zeros", { uncompressedSize: 20 * MiB, compressedSize: 20 * 1024 })], "zip bomb"],
    ["many small entries above the ratio together", Array.from({ length: 40 }, (_, i) => entry(`${i}`, { uncompressedSize: MiB / 2, compressedSize: 512 })), "zip bomb"],
  ])("refuses %s before planning anything", (_what, entries, message) => {
    expect(() => planExtraction(entries, limits)).toThrow(message);
  });

  it("accepts small entries that compress very well (below the 1 MiB floor)", () => {
    expect(planExtraction([entry("spaces.txt", { uncompressedSize: 4096, compressedSize: 1 })], limits).files).toHaveLength(1);
  });
});
