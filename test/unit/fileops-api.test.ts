import { afterEach, describe, expect, it, vi } from "vitest";
import { runBatch, searchNames, type DoneItem, type FailedItem } from "@/components/fileops/fileops-api";
import { ApiError } from "@/lib/client/api";

/** A fetch answering NDJSON `lines`, one chunk each; records the request. */
function ndjsonFetch(lines: unknown[], init: { status?: number; holdOpen?: boolean } = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchMock = vi.fn(async (url: string, request: RequestInit) => {
    calls.push({ url, init: request });
    const encoder = new TextEncoder();
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < lines.length) controller.enqueue(encoder.encode(`${JSON.stringify(lines[i++])}\n`));
        else if (!init.holdOpen) controller.close();
        else {
          // Like fetch: an abort errors the body, whether it came before this read or during it.
          const fail = () => controller.error(new DOMException("aborted", "AbortError"));
          if (request.signal?.aborted) fail();
          else request.signal?.addEventListener("abort", fail);
        }
      },
    });
    return new Response(body, { status: init.status ?? 200, headers: { "content-type": "application/x-ndjson" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe("runBatch", () => {
  it("asks for NDJSON with the Ferry header and reports each item as it comes", async () => {
    const calls = ndjsonFetch([
      { type: "done", path: "/a", kind: "file" },
      { type: "failed", path: "/b", error: { code: "not_found", message: "/b does not exist." } },
      { type: "end", done: 1, failed: 1, stopped: null },
    ]);
    const seen: Array<DoneItem | FailedItem> = [];
    const outcome = await runBatch("delete", { paths: ["/a", "/b"] }, { onItem: (item) => seen.push(item) });
    expect(calls[0]!.url).toBe("/api/fs/delete");
    expect(calls[0]!.init.headers).toMatchObject({ "X-Ferry-Request": "1", Accept: "application/x-ndjson", "Content-Type": "application/json" });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ paths: ["/a", "/b"] });
    expect(seen.map((s) => s.type)).toEqual(["done", "failed"]);
    expect(outcome).toEqual({ done: [seen[0]], failed: [seen[1]], stopped: null });
  });

  it("throws the error of a request refused as a whole (chmod not supported: 501)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ error: { code: "not_supported", message: "This server does not support changing permissions." } }, { status: 501 })));
    const failure = await runBatch("chmod", { paths: ["/a"], mode: "644", recursive: false }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 501, code: "not_supported" });
  });

  it("throws an error line that arrives mid-stream", async () => {
    ndjsonFetch([{ type: "done", path: "/a" }, { type: "error", error: { code: "connection_lost", message: "The connection was lost." } }]);
    await expect(runBatch("copy", { paths: ["/a"], targetDir: "/t" })).rejects.toMatchObject({ code: "connection_lost" });
  });

  it("keeps what was done and says aborted when the user stops", async () => {
    ndjsonFetch([{ type: "done", path: "/a" }], { holdOpen: true });
    const controller = new AbortController();
    const outcome = await runBatch("delete", { paths: ["/a", "/b"] }, { signal: controller.signal, onItem: () => controller.abort() });
    expect(outcome).toMatchObject({ done: [{ path: "/a" }], failed: [], stopped: "aborted" });
  });
});

describe("searchNames", () => {
  it("streams hits to onHit and resolves with the end line", async () => {
    const calls = ndjsonFetch([
      { type: "hit", path: "/x/a.md", folder: "/x", entry: { name: "a.md" } },
      { type: "end", visited: 9, hits: 1, stopped: null, depthLimited: false },
    ]);
    const hits: string[] = [];
    const end = await searchNames("/x y", "*.md", { onHit: (hit) => hits.push(hit.path) });
    expect(calls[0]!.url).toBe("/api/fs/search?path=%2Fx+y&q=*.md");
    expect(hits).toEqual(["/x/a.md"]);
    expect(end).toEqual({ type: "end", visited: 9, hits: 1, stopped: null, depthLimited: false });
  });

  it("passes a chosen depth, and none for 'all levels' (the server's limit)", async () => {
    const calls = ndjsonFetch([{ type: "end", visited: 0, hits: 0, stopped: null, depthLimited: false }]);
    await searchNames("/", "a", { depth: 1, onHit: () => undefined });
    await searchNames("/", "a", { onHit: () => undefined });
    expect(calls.map((c) => new URL(c.url, "http://x").searchParams.get("depth"))).toEqual(["1", null]);
  });

  it("resolves null when cancelled", async () => {
    ndjsonFetch([{ type: "hit", path: "/a", folder: "/", entry: { name: "a" } }], { holdOpen: true });
    const controller = new AbortController();
    expect(await searchNames("/", "a", { signal: controller.signal, onHit: () => controller.abort() })).toBeNull();
  });
});
