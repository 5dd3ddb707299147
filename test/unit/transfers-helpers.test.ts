import { describe, expect, it } from "vitest";
import { keepBothName, splitExtension } from "@/lib/client/transfers/keep-both-name";
import { ResumeStore, resumeKey } from "@/lib/client/transfers/resume-store";
import { SpeedMeter } from "@/lib/client/transfers/speed-meter";
import { retryDelayMs } from "@/lib/client/transfers/upload-chunked";
import { affectsListing, downloadHref, zipHref } from "@/lib/client/transfers/upload-api";
import { totalsOf, type UploadItem } from "@/lib/client/transfers/upload-item";
import { memoryStorage } from "./transfers-fake-server";

describe("keepBothName", () => {
  it.each([
    ["report.pdf", 1, "report (1).pdf"],
    ["report.pdf", 2, "report (2).pdf"],
    ["README", 1, "README (1)"],
    [".bashrc", 1, ".bashrc (1)"],
    ["backup.tar.gz", 1, "backup (1).tar.gz"],
    ["a.b.c", 3, "a.b (3).c"],
    ["사진.jpg", 1, "사진 (1).jpg"],
    [".tar.gz", 1, ".tar (1).gz"],
  ])("%s #%i is %s", (name, n, expected) => {
    expect(keepBothName(name, n)).toBe(expected);
  });

  it("never takes a leading dot for an extension", () => {
    expect(splitExtension(".env")).toEqual({ stem: ".env", ext: "" });
  });
});

describe("SpeedMeter", () => {
  it("measures over the window, not since the start", () => {
    const meter = new SpeedMeter(5000);
    meter.add(0, 0);
    meter.add(1000, 10_000_000); // a fast first second
    for (let t = 2000; t <= 10_000; t += 1000) meter.add(t, 10_000_000 + ((t - 1000) / 1000) * 1000);
    // Over the last 5 s it moved 1000 B/s; the average since the start would be ~1 MB/s.
    expect(meter.speed()).toBe(1000);
    expect(meter.secondsLeft(10_000_000 + 9000 + 5000)).toBe(5);
  });

  it("knows no speed with one sample, and starts over when the count goes back (a restarted upload)", () => {
    const meter = new SpeedMeter();
    meter.add(0, 500);
    expect(meter.speed()).toBe(0);
    expect(meter.secondsLeft(1000)).toBeNull();
    meter.add(1000, 1500);
    expect(meter.speed()).toBe(1000);
    meter.add(2000, 100);
    expect(meter.speed()).toBe(0);
  });
});

describe("ResumeStore", () => {
  const file = { name: "big.iso", size: 1000, lastModified: 42 };

  it("keys by folder, name, size and modification time", () => {
    const a = resumeKey("/up", "big.iso", file);
    expect(resumeKey("/up", "big.iso", { ...file })).toBe(a);
    expect(resumeKey("/other", "big.iso", file)).not.toBe(a);
    expect(resumeKey("/up", "big (1).iso", file)).not.toBe(a);
    expect(resumeKey("/up", "big.iso", { ...file, size: 1001 })).not.toBe(a);
    expect(resumeKey("/up", "big.iso", { ...file, lastModified: 43 })).not.toBe(a);
  });

  it("keeps a record until it expires, and drops garbage", () => {
    const storage = memoryStorage();
    let now = Date.parse("2026-01-01T00:00:00Z");
    const store = new ResumeStore(storage, () => now);
    store.set("k", { id: "u1", chunkSize: 8, expiresAt: "2026-01-02T00:00:00Z" });
    expect(store.get("k")).toEqual({ id: "u1", chunkSize: 8, expiresAt: "2026-01-02T00:00:00Z" });
    now = Date.parse("2026-01-03T00:00:00Z");
    expect(store.get("k")).toBeNull();
    expect(storage.map.has("k")).toBe(false);
    storage.setItem("bad", "{not json");
    expect(store.get("bad")).toBeNull();
    expect(storage.map.has("bad")).toBe(false);
  });

  it("lists the remembered uploads with their folder, name and size, skipping other keys and expired ones", () => {
    const storage = memoryStorage();
    const store = new ResumeStore(storage, () => Date.parse("2026-01-01T00:00:00Z"));
    store.set(resumeKey("/up", "big (1).iso", file), { id: "u1", chunkSize: 8, expiresAt: "2026-01-02T00:00:00Z" });
    store.set(resumeKey("/up", "old.iso", file), { id: "u2", chunkSize: 8, expiresAt: "2025-12-31T00:00:00Z" });
    storage.setItem("ferry.locale", "ko");
    storage.setItem("ferry.upload:not-json", "{}");
    expect(store.list()).toEqual([
      { key: resumeKey("/up", "big (1).iso", file), id: "u1", chunkSize: 8, expiresAt: "2026-01-02T00:00:00Z", dir: "/up", name: "big (1).iso", size: 1000, lastModified: 42 },
    ]);
  });

  it("never fails when storage throws (private mode, quota)", () => {
    const throwing = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("quota"); }, removeItem: () => { throw new Error("denied"); } };
    const store = new ResumeStore(throwing);
    expect(() => store.set("k", { id: "u", chunkSize: 1, expiresAt: "2999-01-01T00:00:00Z" })).not.toThrow();
    expect(store.get("k")).toBeNull();
    expect(new ResumeStore(null).get("k")).toBeNull();
  });
});

describe("retryDelayMs", () => {
  it.each([[1, 1000], [2, 2000], [3, 4000], [4, 8000], [5, 15_000], [9, 15_000]])("attempt %i waits %i ms", (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });
});

describe("download links", () => {
  it("encodes folders and names, one name parameter per entry", () => {
    expect(zipHref("/a b/c", ["x&y.txt", "사진"])).toBe("/api/fs/zip?dir=%2Fa+b%2Fc&name=x%26y.txt&name=%EC%82%AC%EC%A7%84");
    expect(zipHref("/", [])).toBe("/api/fs/zip?dir=%2F");
    expect(downloadHref("/docs/#1 ?.txt")).toBe("/api/fs/download?path=%2Fdocs%2F%231+%3F.txt");
  });
});

describe("totalsOf", () => {
  const item = (patch: Partial<UploadItem>): UploadItem => ({
    id: 1, dir: "/", targetName: "a", displayPath: "a", size: 100, loaded: 0, status: "queued", speed: 0, secondsLeft: null,
    error: null, chunked: false, extract: false, extracted: null, ...patch,
  });

  it("adds up bytes of files not skipped or cancelled, and the speed of running ones", () => {
    const totals = totalsOf([
      item({ status: "done", loaded: 100 }),
      item({ status: "uploading", loaded: 50, speed: 10 }),
      item({ status: "queued" }),
      item({ status: "skipped" }),
      item({ status: "cancelled", loaded: 30 }),
      item({ status: "failed", loaded: 20 }),
    ]);
    expect(totals).toMatchObject({ files: 6, active: 2, done: 1, failed: 1, totalBytes: 400, loadedBytes: 170, speed: 10 });
    expect(totals.secondsLeft).toBe(23);
  });
});

describe("affectsListing", () => {
  it.each([
    ["/a", "/a", true],
    ["/a", "/a/new/deep", true],
    ["/a", "/ab", false],
    ["/a", "/", false],
    ["/", "/x", true],
    ["/", "/", true],
  ])("listing %s, upload into %s: %s", (path, dir, expected) => {
    expect(affectsListing(path, dir)).toBe(expected);
  });
});
