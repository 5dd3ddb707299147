import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/fs/search/route";
import * as sizeRoute from "@/app/api/fs/size/route";
import { resetEnvForTests } from "@/lib/env";
import type { SearchEvent } from "@/lib/schemas/file-operations";
import { errorOf, login } from "./helpers";
import { get, ndjsonLines, ownFolder } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

// tree/
//   Report-2024.txt (10 B), notes.md (5 B), 보고서.txt (NFD name, 7 B)
//   a/ report-old.TXT (3 B)
//   a/b/ deep-report.txt (4 B), image.png (100 B)
//   a/b/c/ deepest-report.txt (1 B)
//   many/ f00.dat … f39.dat (1 B each)
beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-search");
  const t = join(dir.local, "tree");
  await mkdir(join(t, "a/b/c"), { recursive: true });
  await mkdir(join(t, "many"), { recursive: true });
  await writeFile(join(t, "Report-2024.txt"), "0123456789");
  await writeFile(join(t, "notes.md"), "notes");
  await writeFile(join(t, "보고서.txt".normalize("NFD")), "korean!");
  await writeFile(join(t, "a/report-old.TXT"), "old");
  await writeFile(join(t, "a/b/deep-report.txt"), "deep");
  await writeFile(join(t, "a/b/image.png"), Buffer.alloc(100));
  await writeFile(join(t, "a/b/c/deepest-report.txt"), "!");
  for (let i = 0; i < 40; i++) await writeFile(join(t, `many/f${String(i).padStart(2, "0")}.dat`), "x");
});
afterAll(() => dir.cleanup());
afterEach(() => {
  delete process.env.SEARCH_MAX_ENTRIES;
  delete process.env.FOLDER_SIZE_MAX_ENTRIES;
  resetEnvForTests();
});

const search = (q: string, extra: Record<string, string> = {}, signal?: AbortSignal) => get(searchRoute.GET, "/api/fs/search", { path: `${dir.remote}/tree`, q, ...extra }, cookie, { signal });
type Hit = Extract<SearchEvent, { type: "hit" }>;
type End = Extract<SearchEvent, { type: "end" }>;
const hitsOf = (lines: SearchEvent[]) => lines.filter((l): l is Hit => l.type === "hit").map((h) => h.path.slice(`${dir.remote}/tree`.length)).sort();

describe("GET /api/fs/search", () => {
  it("finds names by substring, case-insensitively, with path and folder, and ends with a summary line", async () => {
    const res = await search("REPORT");
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = await ndjsonLines<SearchEvent>(res);
    expect(hitsOf(lines)).toEqual(["/Report-2024.txt", "/a/b/c/deepest-report.txt", "/a/b/deep-report.txt", "/a/report-old.TXT"]);
    const deep = lines.find((l): l is Hit => l.type === "hit" && l.path.endsWith("deep-report.txt"))!;
    expect(deep.folder).toBe(`${dir.remote}/tree/a/b`);
    expect(deep.entry).toMatchObject({ name: "deep-report.txt", type: "file", size: 4 });
    expect(lines.at(-1)).toEqual({ type: "end", visited: 51, hits: 4, unreadable: 0, stopped: null, depthLimited: false });
  });

  it("matches a glob against the whole name", async () => {
    expect(hitsOf(await ndjsonLines(await search("*.txt")))).toEqual(["/Report-2024.txt", "/a/b/c/deepest-report.txt", "/a/b/deep-report.txt", "/a/report-old.TXT", "/보고서.txt".normalize("NFD")]);
    expect(hitsOf(await ndjsonLines(await search("f3?.dat")))).toHaveLength(10);
    expect(hitsOf(await ndjsonLines(await search("[ab]")))).toEqual(["/a", "/a/b"]);
  });

  it("matches a Korean name stored decomposed (NFD) with a composed query", async () => {
    expect(hitsOf(await ndjsonLines(await search("보고서")))).toEqual(["/보고서.txt".normalize("NFD")]);
  });

  it("does not go deeper than the depth asked for", async () => {
    const lines = await ndjsonLines<SearchEvent>(await search("report", { depth: "2" }));
    expect(hitsOf(lines)).toEqual(["/Report-2024.txt", "/a/report-old.TXT"]);
    expect(lines.at(-1)).toMatchObject({ type: "end", depthLimited: true, stopped: null });
  });

  it("stops after SEARCH_MAX_ENTRIES entries and says so", async () => {
    process.env.SEARCH_MAX_ENTRIES = "5";
    resetEnvForTests();
    const lines = await ndjsonLines<SearchEvent>(await search("*"));
    expect(lines.at(-1)).toEqual({ type: "end", visited: 5, hits: 5, unreadable: 0, stopped: "entries", depthLimited: false });
  });

  it("stops walking when the browser aborts the request", async () => {
    const controller = new AbortController();
    const res = await search("*", {}, controller.signal);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"type":"hit"');
    controller.abort();
    let text = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    const end = JSON.parse(text.trim().split("\n").at(-1)!) as End;
    expect(end).toMatchObject({ type: "end", stopped: "aborted" });
    expect(end.hits).toBeLessThan(10);
  });

  it("answers 404 for a missing start folder and 400 for an empty query or bad depth", async () => {
    expect((await get(searchRoute.GET, "/api/fs/search", { path: `${dir.remote}/nope`, q: "x" }, cookie)).status).toBe(404);
    expect((await errorOf(await search("  "))).code).toBe("bad_request");
    expect((await search("x", { depth: "0" })).status).toBe(400);
  });
});

describe("GET /api/fs/size", () => {
  const size = (path: string, signal?: AbortSignal) => get(sizeRoute.GET, "/api/fs/size", { path }, cookie, { signal });

  it("adds up every file below a folder", async () => {
    const res = await size(`${dir.remote}/tree`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: `${dir.remote}/tree`, bytes: 10 + 5 + 7 + 3 + 4 + 100 + 1 + 40, files: 47, folders: 4, unreadable: 0, stopped: null });
  });

  it("gives a partial total when FOLDER_SIZE_MAX_ENTRIES is reached", async () => {
    process.env.FOLDER_SIZE_MAX_ENTRIES = "3";
    resetEnvForTests();
    const body = await (await size(`${dir.remote}/tree`)).json();
    expect(body.stopped).toBe("entries");
    expect(body.files + body.folders).toBe(3);
  });

  it("stops when the request is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const body = await (await size(`${dir.remote}/tree`, controller.signal)).json();
    expect(body).toMatchObject({ bytes: 0, files: 0, stopped: "aborted" });
  });

  it("answers 404 for a missing folder", async () => {
    expect((await size(`${dir.remote}/missing`)).status).toBe(404);
  });
});
