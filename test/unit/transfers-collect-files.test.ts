import { describe, expect, it } from "vitest";
import { collectFromDrop, collectFromInput, foldersToCreate } from "@/lib/client/transfers/collect-files";

type FakeEntry = { name: string; isFile: boolean; isDirectory: boolean; file?: (ok: (f: File) => void) => void; createReader?: () => { readEntries: (ok: (page: FakeEntry[]) => void) => void } };

function fileEntry(name: string, content = name): FakeEntry {
  return { name, isFile: true, isDirectory: false, file: (ok) => ok(new File([content], name)) };
}

/** A folder whose reader answers in pages of `pageSize`, then an empty page (as Chromium does, 100 at a time). */
function dirEntry(name: string, children: FakeEntry[], pageSize = 2): FakeEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const page = children.slice(at, at + pageSize);
          at += page.length;
          ok(page);
        },
      };
    },
  };
}

function dropOf(entries: (FakeEntry | null)[], files: File[] = []): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: "file", webkitGetAsEntry: () => entry })),
    files,
  } as unknown as DataTransfer;
}

describe("collectFromDrop", () => {
  it("walks dropped folders (every page of entries) into per-folder uploads with mkdirs, and lists empty folders", async () => {
    const album = dirEntry("album", [fileEntry("a.txt"), fileEntry("b.txt"), fileEntry("c.txt"), dirEntry("sub", [fileEntry("d.txt")]), dirEntry("empty", [])]);
    const collected = await collectFromDrop(dropOf([album, fileEntry("top.txt")]), "/base");
    expect(collected.files.map((f) => [f.dir, f.file.name, f.displayPath, Boolean(f.mkdirs)])).toEqual([
      ["/base/album", "a.txt", "album/a.txt", true],
      ["/base/album", "b.txt", "album/b.txt", true],
      ["/base/album", "c.txt", "album/c.txt", true],
      ["/base/album/sub", "d.txt", "album/sub/d.txt", true],
      ["/base", "top.txt", "top.txt", false],
    ]);
    expect(collected.emptyDirs).toEqual(["/base/album/empty"]);
  });

  it("falls back to the plain file list when the browser gives no entries", async () => {
    const collected = await collectFromDrop(dropOf([null], [new File(["x"], "plain.txt")]), "/");
    expect(collected.files.map((f) => [f.dir, f.file.name])).toEqual([["/", "plain.txt"]]);
  });
});

describe("collectFromInput", () => {
  it("puts each file of a chosen folder into its relative folder", () => {
    const inFolder = Object.assign(new File(["1"], "b.txt"), { webkitRelativePath: "photos/2024/b.txt" });
    const plain = new File(["2"], "c.txt");
    const collected = collectFromInput([inFolder, plain], "/up");
    expect(collected.files.map((f) => [f.dir, f.displayPath, Boolean(f.mkdirs)])).toEqual([
      ["/up/photos/2024", "photos/2024/b.txt", true],
      ["/up", "c.txt", false],
    ]);
  });
});

describe("foldersToCreate", () => {
  it("lists every folder below the base, parents first, once", () => {
    expect(foldersToCreate("/up", ["/up/a/b/empty", "/up/a/other", "/elsewhere/x"])).toEqual(["/up/a", "/up/a/b", "/up/a/other", "/up/a/b/empty"]);
    expect(foldersToCreate("/", ["/new/empty"])).toEqual(["/new", "/new/empty"]);
  });
});
