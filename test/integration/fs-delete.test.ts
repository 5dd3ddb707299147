import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deleteRoute from "@/app/api/fs/delete/route";
import type { BatchEvent } from "@/lib/schemas/file-operations";
import { errorOf, login } from "./helpers";
import { ndjsonLines, ownFolder, post } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-delete");
});
afterAll(() => dir.cleanup());

async function makeTree(root: string): Promise<void> {
  await mkdir(join(root, "tree/a/b/c"), { recursive: true });
  await mkdir(join(root, "tree/empty"), { recursive: true });
  await writeFile(join(root, "tree/top.txt"), "t");
  await writeFile(join(root, "tree/a/x.txt"), "x");
  await writeFile(join(root, "tree/a/b/c/deep file.txt"), "d");
}

describe("POST /api/fs/delete", () => {
  it("deletes a folder tree deepest first and a single file, and reports a missing file while doing the rest", async () => {
    await mkdir(join(dir.local, "json"));
    await makeTree(join(dir.local, "json"));
    await writeFile(join(dir.local, "json/lone.txt"), "l");
    await writeFile(join(dir.local, "json/stays.txt"), "s");
    const base = `${dir.remote}/json`;
    const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: [`${base}/missing.txt`, `${base}/tree`, `${base}/lone.txt`] }, cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.failed).toEqual([{ path: `${base}/missing.txt`, error: { code: "not_found", message: expect.stringContaining("missing.txt") } }]);
    const done = body.done.map((d: { path: string }) => d.path);
    expect(done).toHaveLength(9);
    // Every folder goes after everything inside it.
    expect(done.indexOf(`${base}/tree/a/b/c/deep file.txt`)).toBeLessThan(done.indexOf(`${base}/tree/a/b/c`));
    expect(done.indexOf(`${base}/tree/a/b`)).toBeLessThan(done.indexOf(`${base}/tree/a`));
    expect(done.at(-2)).toBe(`${base}/tree`);
    expect(done.at(-1)).toBe(`${base}/lone.txt`);
    expect(body.stopped).toBeNull();
    expect(await readdir(join(dir.local, "json"))).toEqual(["stays.txt"]);
  });

  it("streams one NDJSON line per deleted entry, then an end line", async () => {
    await mkdir(join(dir.local, "stream"));
    await makeTree(join(dir.local, "stream"));
    const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: [`${dir.remote}/stream/tree`] }, cookie, { accept: "application/x-ndjson" });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = await ndjsonLines<BatchEvent>(res);
    expect(lines.filter((l) => l.type === "done")).toHaveLength(8);
    expect(lines.at(-1)).toEqual({ type: "end", done: 8, failed: 0, stopped: null });
    expect(await readdir(join(dir.local, "stream"))).toEqual([]);
  });

  it("reports a missing file as failed, not as an error of the whole request", async () => {
    const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: [`${dir.remote}/never-was.txt`] }, cookie);
    expect(res.status).toBe(200);
    expect((await res.json()).failed[0].error.code).toBe("not_found");
  });

  it("takes a selected entry inside a selected folder as deleted with it (no failure)", async () => {
    await mkdir(join(dir.local, "nested"));
    await makeTree(join(dir.local, "nested"));
    const base = `${dir.remote}/nested/tree`;
    const body = await (await post(deleteRoute.POST, "/api/fs/delete", { paths: [base, `${base}/top.txt`, `${base}/a`] }, cookie)).json();
    expect(body.failed).toEqual([]);
    expect(body.done.map((d: { path: string }) => d.path)).toContain(`${base}/top.txt`);
    expect(body.done).toHaveLength(8);
    expect(await readdir(join(dir.local, "nested"))).toEqual([]);
  });

  it("refuses to delete the root folder", async () => {
    const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: ["/"] }, cookie);
    expect((await res.json()).failed[0]).toMatchObject({ path: "/", error: { code: "bad_request" } });
  });

  it("stops at RECURSIVE_MAX_ENTRIES and says so", async () => {
    process.env.RECURSIVE_MAX_ENTRIES = "2";
    const { resetEnvForTests } = await import("@/lib/env");
    resetEnvForTests();
    try {
      await mkdir(join(dir.local, "bounded"));
      await makeTree(join(dir.local, "bounded"));
      const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: [`${dir.remote}/bounded/tree`] }, cookie);
      const body = await res.json();
      expect(body.stopped).toBe("entries");
      expect(await readdir(join(dir.local, "bounded"))).toEqual(["tree"]);
    } finally {
      delete process.env.RECURSIVE_MAX_ENTRIES;
      resetEnvForTests();
    }
  });

  it("answers 400 for an empty selection", async () => {
    const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: [] }, cookie);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe("Choose at least one file or folder.");
  });
});
