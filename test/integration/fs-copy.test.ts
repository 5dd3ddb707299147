import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as copyRoute from "@/app/api/fs/copy/route";
import type { BatchEvent } from "@/lib/schemas/file-operations";
import { apiRequest, login } from "./helpers";
import { ndjsonLines, ownFolder, post } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-copy");
});
afterAll(() => dir.cleanup());

/** Relative path → SHA-256 of every file under `root` ("<dir>" for folders). */
async function digestTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    out[relative(root, full)] = entry.isDirectory() ? "<dir>" : createHash("sha256").update(await readFile(full)).digest("hex");
  }
  return out;
}

describe("POST /api/fs/copy", () => {
  it("copies a folder tree byte for byte (SHA-256), a 3 MB file included", async () => {
    const src = join(dir.local, "tree");
    await mkdir(join(src, "sub/deeper"), { recursive: true });
    await mkdir(join(src, "empty"), { recursive: true });
    await writeFile(join(src, "big.bin"), randomBytes(3 * 1024 * 1024 + 17));
    await writeFile(join(src, "sub/한글.txt"), "안녕\r\n");
    await writeFile(join(src, "sub/deeper/zero"), "");
    await mkdir(join(dir.local, "dest"));
    const res = await post(copyRoute.POST, "/api/fs/copy", { paths: [`${dir.remote}/tree`], targetDir: `${dir.remote}/dest` }, cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.failed).toEqual([]);
    expect(body.done).toHaveLength(7);
    expect(body.done.find((d: { path: string }) => d.path.endsWith("big.bin"))).toMatchObject({ kind: "file", bytes: 3 * 1024 * 1024 + 17, to: `${dir.remote}/dest/tree/big.bin` });
    expect(await digestTree(join(dir.local, "dest/tree"))).toEqual(await digestTree(src));
    // No temporary names left behind.
    expect((await readdir(join(dir.local, "dest"), { recursive: true })).filter((n) => n.includes(".ferry-"))).toEqual([]);
  });

  it("fails an item whose name exists in the target and keeps the existing file", async () => {
    await mkdir(join(dir.local, "c1/into"), { recursive: true });
    await writeFile(join(dir.local, "c1/a.txt"), "new");
    await writeFile(join(dir.local, "c1/into/a.txt"), "old");
    const res = await post(copyRoute.POST, "/api/fs/copy", { paths: [`${dir.remote}/c1/a.txt`], targetDir: `${dir.remote}/c1/into` }, cookie);
    expect((await res.json()).failed[0].error.code).toBe("conflict");
    expect(await readFile(join(dir.local, "c1/into/a.txt"), "utf8")).toBe("old");
  });

  it('copies beside the original as "name (copy).ext" with conflict: "rename"', async () => {
    await mkdir(join(dir.local, "c2/folder"), { recursive: true });
    await writeFile(join(dir.local, "c2/report.txt"), "r");
    await writeFile(join(dir.local, "c2/folder/in.txt"), "i");
    const paths = [`${dir.remote}/c2/report.txt`, `${dir.remote}/c2/folder`];
    await post(copyRoute.POST, "/api/fs/copy", { paths, targetDir: `${dir.remote}/c2`, conflict: "rename" }, cookie);
    await post(copyRoute.POST, "/api/fs/copy", { paths, targetDir: `${dir.remote}/c2`, conflict: "rename" }, cookie);
    expect((await readdir(join(dir.local, "c2"))).sort()).toEqual(["folder", "folder (copy 2)", "folder (copy)", "report (copy 2).txt", "report (copy).txt", "report.txt"]);
    expect(await readFile(join(dir.local, "c2/folder (copy 2)/in.txt"), "utf8")).toBe("i");
  });

  it("refuses to copy a folder into itself and reports a missing source", async () => {
    await mkdir(join(dir.local, "c3/inner"), { recursive: true });
    const res = await post(copyRoute.POST, "/api/fs/copy", { paths: [`${dir.remote}/c3`, `${dir.remote}/ghost`], targetDir: `${dir.remote}/c3/inner` }, cookie);
    const body = await res.json();
    expect(body.failed.map((f: { error: { code: string } }) => f.error.code)).toEqual(["bad_request", "not_found"]);
    expect(await readdir(join(dir.local, "c3/inner"))).toEqual([]);
  });

  it("stops when the request is aborted mid-file, removes the partial copy and copies nothing more", async () => {
    await mkdir(join(dir.local, "c5/dst"), { recursive: true });
    await writeFile(join(dir.local, "c5/big.bin"), Buffer.alloc(64 * 1024 * 1024, 7));
    await writeFile(join(dir.local, "c5/after.txt"), "later");
    const controller = new AbortController();
    const req = apiRequest("POST", "/api/fs/copy", { body: { paths: [`${dir.remote}/c5/big.bin`, `${dir.remote}/c5/after.txt`], targetDir: `${dir.remote}/c5/dst` }, cookie });
    const answer = copyRoute.POST(new Request(req, { signal: controller.signal }));
    // Abort once the temporary copy has started to fill (a condition, not a timer).
    for (;;) {
      const temp = (await readdir(join(dir.local, "c5/dst"))).find((n) => n.endsWith(".part"));
      if (temp && (await stat(join(dir.local, "c5/dst", temp)).then((s) => s.size, () => 0)) > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    const body = await (await answer).json();
    expect(body.done).toEqual([]);
    expect(body.failed).toMatchObject([{ path: `${dir.remote}/c5/big.bin`, error: { message: expect.stringContaining("cancelled") } }]);
    expect(body.stopped).toBe("aborted");
    expect(await readdir(join(dir.local, "c5/dst"))).toEqual([]);
  });

  it("streams NDJSON progress, one line per copied entry", async () => {
    await mkdir(join(dir.local, "c4/src"), { recursive: true });
    await mkdir(join(dir.local, "c4/dst"), { recursive: true });
    for (const n of ["1", "2", "3"]) await writeFile(join(dir.local, `c4/src/${n}.txt`), n.repeat(10));
    const paths = ["1", "2", "3"].map((n) => `${dir.remote}/c4/src/${n}.txt`);
    const res = await post(copyRoute.POST, "/api/fs/copy", { paths, targetDir: `${dir.remote}/c4/dst` }, cookie, { accept: "application/x-ndjson" });
    const lines = await ndjsonLines<BatchEvent>(res);
    expect(lines).toEqual([
      ...["1", "2", "3"].map((n) => ({ type: "done", path: `${dir.remote}/c4/src/${n}.txt`, kind: "file", to: `${dir.remote}/c4/dst/${n}.txt`, bytes: 10 })),
      { type: "end", done: 3, failed: 0, stopped: null },
    ]);
  });
});
