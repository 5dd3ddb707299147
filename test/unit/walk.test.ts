import { describe, expect, it } from "vitest";
import { walkTree, type WalkEvent, type WalkOptions, type WalkResult } from "@/lib/ftp/walk";
import type { RemoteEntry } from "@/lib/schemas/entry";

function entry(name: string, type: RemoteEntry["type"]): RemoteEntry {
  return { name, type, size: type === "file" ? 1 : null, modifiedAt: null, rawModifiedAt: null, permissions: null, owner: null, group: null, target: null };
}

// /a/{x.txt, b/{y.txt, c/{z.txt}}}, /link -> (a link is never followed), /top.txt
const tree: Record<string, RemoteEntry[]> = {
  "/": [entry("a", "dir"), entry("link", "link"), entry("top.txt", "file")],
  "/a": [entry("x.txt", "file"), entry("b", "dir")],
  "/a/b": [entry("y.txt", "file"), entry("c", "dir")],
  "/a/b/c": [entry("z.txt", "file")],
};

const list = async (dir: string) => {
  const children = tree[dir];
  if (!children) throw new Error(`no such folder ${dir}`);
  return children;
};

async function collect(start: string, options: Partial<WalkOptions> = {}): Promise<{ paths: string[]; events: WalkEvent[]; result: WalkResult }> {
  const gen = walkTree(start, { list, ...options });
  const events: WalkEvent[] = [];
  for (;;) {
    const next = await gen.next();
    if (next.done) return { paths: events.map((e) => e.path), events, result: next.value };
    events.push(next.value);
  }
}

describe("walkTree", () => {
  it("visits folders before their contents by default, without following links", async () => {
    const { paths, result } = await collect("/");
    expect(paths).toEqual(["/a", "/a/x.txt", "/a/b", "/a/b/y.txt", "/a/b/c", "/a/b/c/z.txt", "/link", "/top.txt"]);
    expect(result).toEqual({ visited: 8, stopped: null, depthLimited: false });
  });

  it("reports folders after their contents in post order", async () => {
    const { paths } = await collect("/a", { order: "post" });
    expect(paths).toEqual(["/a/x.txt", "/a/b/y.txt", "/a/b/c/z.txt", "/a/b/c", "/a/b"]);
  });

  it.each([
    [1, ["/a", "/link", "/top.txt"]],
    [2, ["/a", "/a/x.txt", "/a/b", "/link", "/top.txt"]],
  ])("does not enter folders below depth %i", async (maxDepth, expected) => {
    const { paths, result } = await collect("/", { maxDepth });
    expect(paths).toEqual(expected);
    expect(result.depthLimited).toBe(true);
    expect(result.stopped).toBeNull();
  });

  it("stops after maxEntries entries", async () => {
    const { paths, result } = await collect("/", { maxEntries: 3 });
    expect(paths).toEqual(["/a", "/a/x.txt", "/a/b"]);
    expect(result).toMatchObject({ visited: 3, stopped: "entries" });
  });

  it("stops at the deadline", async () => {
    let clock = 0;
    // Each listing takes 10 "ms": the deadline falls after the second listing.
    const slowList = async (dir: string) => {
      clock += 10;
      return list(dir);
    };
    const { paths, result } = await collect("/", { list: slowList, deadline: 15, now: () => clock });
    expect(paths).toEqual(["/a"]);
    expect(result.stopped).toBe("time");
  });

  it("stops when the signal aborts", async () => {
    const controller = new AbortController();
    const gen = walkTree("/", { list, signal: controller.signal });
    const first = await gen.next();
    expect(first.value).toMatchObject({ path: "/a" });
    controller.abort();
    const next = await gen.next();
    expect(next).toEqual({ done: true, value: { visited: 1, stopped: "aborted", depthLimited: false } });
  });

  it("reports a folder it cannot list and goes on", async () => {
    const failing = async (dir: string) => {
      if (dir === "/a/b") throw new Error("550 permission denied");
      return list(dir);
    };
    const { events, result } = await collect("/", { list: failing });
    expect(events.map((e) => `${e.type} ${e.path}`)).toEqual(["entry /a", "entry /a/x.txt", "entry /a/b", "unlisted /a/b", "entry /link", "entry /top.txt"]);
    expect(result.stopped).toBeNull();
  });

  it("throws when the start folder cannot be listed", async () => {
    await expect(collect("/missing")).rejects.toThrow("no such folder /missing");
  });
});
