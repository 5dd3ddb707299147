import { describe, expect, it } from "vitest";
import { humanSize, ownerGroup, shortOctal, symbolicMode } from "@/components/browser/format-entry";
import { filterEntries, sortEntries } from "@/components/browser/sort-entries";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { basename, filesHref, joinPath, parentPath, pathCrumbs, pathFromFilesHref } from "@/lib/client/paths";

const entry = (name: string, type: RemoteEntry["type"], size: number | null, modifiedAt: string | null = null): RemoteEntry => ({
  name,
  type,
  size,
  modifiedAt,
  rawModifiedAt: null,
  permissions: null,
  owner: null,
  group: null,
  target: null,
});

describe("humanSize", () => {
  it.each([
    [0, "0 B"],
    [1023, "1,023 B"],
    [1536, "1.5 KB"],
    [1024 * 1024 * 250, "250 MB"],
    [1024 ** 3 * 2.25, "2.3 GB"],
  ])("%d → %s", (bytes, text) => expect(humanSize(bytes)).toBe(text));
});

describe("symbolicMode", () => {
  it.each([
    ["0755", "rwxr-xr-x"],
    ["644", "rw-r--r--"],
    ["4755", "rwsr-xr-x"],
    ["1777", "rwxrwxrwt"],
    ["2644", "rw-r-Sr--"],
    [null, null],
    ["abc", null],
  ])("%s → %s", (octal, text) => expect(symbolicMode(octal)).toBe(text));

  it("short octal and owner:group", () => {
    expect(shortOctal("0755")).toBe("755");
    expect(shortOctal("4755")).toBe("4755");
    expect(ownerGroup("alice", "staff")).toBe("alice:staff");
    expect(ownerGroup(null, null)).toBe("");
  });
});

describe("sortEntries / filterEntries", () => {
  const list = [entry("b10.txt", "file", 5, "2024-01-02T00:00:00Z"), entry("zeta", "dir", null), entry("b2.txt", "file", 50, null), entry("Alpha", "dir", null), entry("한글 문서.txt", "file", 1, "2025-01-01T00:00:00Z")];

  it("folders first in both directions, numeric-aware names", () => {
    expect(sortEntries(list, { key: "name", dir: "asc" }).map((e) => e.name)).toEqual(["Alpha", "zeta", "b2.txt", "b10.txt", "한글 문서.txt"]);
    expect(sortEntries(list, { key: "name", dir: "desc" }).map((e) => e.name)).toEqual(["zeta", "Alpha", "한글 문서.txt", "b10.txt", "b2.txt"]);
  });

  it("by size and by date (unknown dates oldest)", () => {
    expect(sortEntries(list, { key: "size", dir: "desc" }).map((e) => e.name)).toEqual(["Alpha", "zeta", "b2.txt", "b10.txt", "한글 문서.txt"]);
    expect(sortEntries(list, { key: "modified", dir: "asc" }).map((e) => e.name)).toEqual(["Alpha", "zeta", "b2.txt", "b10.txt", "한글 문서.txt"]);
  });

  it("filters case-insensitively, Korean included", () => {
    expect(filterEntries(list, "B1").map((e) => e.name)).toEqual(["b10.txt"]);
    expect(filterEntries(list, "문서").map((e) => e.name)).toEqual(["한글 문서.txt"]);
    expect(filterEntries(list, "  ")).toHaveLength(5);
  });
});

describe("paths", () => {
  it.each([
    ["/", "x", "/x"],
    ["/a", "b c", "/a/b c"],
    ["/a/", "b", "/a/b"],
  ])("joinPath(%s, %s) → %s", (dir, name, path) => expect(joinPath(dir, name)).toBe(path));

  it("parent, basename, crumbs", () => {
    expect(parentPath("/a/b")).toBe("/a");
    expect(parentPath("/a")).toBe("/");
    expect(parentPath("/")).toBe("/");
    expect(basename("/a/b c")).toBe("b c");
    expect(pathCrumbs("/a/b")).toEqual([{ path: "/", name: "" }, { path: "/a", name: "a" }, { path: "/a/b", name: "b" }]);
  });

  it.each(["/", "/문서", "/a b/100% #1?/x", "/projects/notes/2025"])("filesHref and back: %s", (path) => {
    const href = filesHref(path);
    expect(href).toMatch(/^\/files/);
    expect(href).not.toMatch(/[ #?%](?![0-9A-F]{2})/);
    expect(pathFromFilesHref(href)).toBe(path);
  });
});
