import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as uploadRoute from "@/app/api/fs/upload/route";
import { activeTransfers } from "@/lib/security/transfer-slots";
import { setEnv } from "../security/env";
import { apiRequest, errorOf, login } from "./helpers";
import { ownFolder } from "./fs-helpers";
import { bytesOf, hashStream, MiB, multipartBody, nameOfBytes, patternStream, sessionOf, sha256File, sha256Of, type Part } from "./transfer-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("transfer-up");
});
afterAll(() => dir.cleanup());

function upload(remoteDir: string, parts: Part[], query: Record<string, string> = {}, failAfter?: number): Promise<Response> {
  const { body, contentType } = multipartBody(parts, failAfter);
  const req = apiRequest("POST", `/api/fs/upload?${new URLSearchParams({ dir: remoteDir, ...query })}`, { cookie, headers: { "content-type": contentType } });
  return uploadRoute.POST(new Request(req, { body, duplex: "half" } as RequestInit));
}

const pattern = (size: number, seed: number) => () => patternStream(size, seed) as AsyncIterable<Uint8Array>;
const patternSha = (size: number, seed: number) => hashStream(patternStream(size, seed)).then((h) => h.sha256);

describe("POST /api/fs/upload", () => {
  it.each([
    ["empty.bin", 0],
    ["one.bin", 1],
    ["odd 45017.bin", 45_017],
    ["big.bin", 100 * MiB],
    ["한국어 업로드.txt", 3000],
    ["  spaced name .txt", 10],
    ["#?%&+ weird.txt", 20],
    [nameOfBytes(200), 2048],
  ])("stores %s (%i bytes) byte-exact under its own name", async (name, size) => {
    const res = await upload(dir.remote, [{ name, data: pattern(size, size + 1) }]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ files: [{ name, path: `${dir.remote}/${name}`, size }] });
    expect(await sha256File(join(dir.local, name))).toBe(await patternSha(size, size + 1));
  }, 60_000);

  it("stores several files of one request, and leaves no temp file", async () => {
    const sub = await ownFolder("transfer-up-multi");
    const res = await upload(sub.remote, [
      { name: "a.txt", data: bytesOf(Buffer.from("alpha")) },
      { name: "b.txt", data: bytesOf(Buffer.from("beta")) },
    ]);
    expect(res.status).toBe(200);
    expect((await readdir(sub.local)).sort()).toEqual(["a.txt", "b.txt"]);
    expect(await readFile(join(sub.local, "b.txt"), "utf8")).toBe("beta");
    await sub.cleanup();
  });

  it("never replaces a folder with a file, even with overwrite=1: the folder stays as it was", async () => {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(dir.local, "a-folder", "inside"), { recursive: true });
    await writeFile(join(dir.local, "a-folder", "inside", "kept.txt"), "kept");
    const before = await readdir(dir.local);
    const res = await upload(dir.remote, [{ name: "a-folder", data: bytesOf(Buffer.from("a file")) }], { overwrite: "1" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await stat(join(dir.local, "a-folder"))).isDirectory()).toBe(true);
    expect(await readFile(join(dir.local, "a-folder", "inside", "kept.txt"), "utf8")).toBe("kept");
    expect(await readdir(dir.local)).toEqual(before);
  });

  it("refuses to replace an existing file without overwrite=1 (409 exists), and replaces it with", async () => {
    await writeFile(join(dir.local, "keep.txt"), "old");
    const refused = await upload(dir.remote, [{ name: "keep.txt", data: bytesOf(Buffer.from("new")) }]);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("exists");
    expect(await readFile(join(dir.local, "keep.txt"), "utf8")).toBe("old");
    const replaced = await upload(dir.remote, [{ name: "keep.txt", data: bytesOf(Buffer.from("new")) }], { overwrite: "1" });
    expect(replaced.status).toBe(200);
    expect(await readFile(join(dir.local, "keep.txt"), "utf8")).toBe("new");
  });

  it.each([["a/b.txt"], ["../escape.txt"], [".."], ["x\r\nDELE y"], ["nul\0.txt"]])("refuses the name %j with 400 and writes nothing", async (name) => {
    const sub = await ownFolder("transfer-up-bad");
    const res = await upload(sub.remote, [{ name, encodedName: true, data: bytesOf(Buffer.from("x")) }]);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_name");
    expect(await readdir(sub.local)).toEqual([]);
    expect(await readdir(join(sub.local, ".."))).not.toContain("escape.txt");
    await sub.cleanup();
  });

  it("recreates a folder tree with mkdirs=1 (one request per folder)", async () => {
    const res1 = await upload(`${dir.remote}/tree/sub folder/깊은`, [{ name: "deep.txt", data: bytesOf(Buffer.from("deep")) }], { mkdirs: "1" });
    expect(res1.status).toBe(200);
    const res2 = await upload(`${dir.remote}/tree`, [{ name: "top.txt", data: bytesOf(Buffer.from("top")) }], { mkdirs: "1" });
    expect(res2.status).toBe(200);
    expect(await readFile(join(dir.local, "tree", "sub folder", "깊은", "deep.txt"), "utf8")).toBe("deep");
    expect(await readFile(join(dir.local, "tree", "top.txt"), "utf8")).toBe("top");
  });

  it("an upload cut half way leaves the old file intact, nothing new under the name, and no temp file", async () => {
    const sub = await ownFolder("transfer-up-abort");
    await writeFile(join(sub.local, "victim.bin"), "the old content");
    const res = await upload(sub.remote, [{ name: "victim.bin", data: pattern(20 * MiB, 7) }], { overwrite: "1" }, 8 * MiB);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await readFile(join(sub.local, "victim.bin"), "utf8")).toBe("the old content");
    expect(await readdir(sub.local)).toEqual(["victim.bin"]);
    const cut = await upload(sub.remote, [{ name: "fresh.bin", data: pattern(4 * MiB, 8) }], {}, 2 * MiB);
    expect(cut.status).toBeGreaterThanOrEqual(400);
    expect(await readdir(sub.local)).toEqual(["victim.bin"]);
    expect(activeTransfers((await sessionOf(cookie)).id)).toBe(0);
    await sub.cleanup();
  });

  it("refuses a file past UPLOAD_MAX_BYTES with 413 and keeps nothing (busboy's truncated flag)", async () => {
    const restore = setEnv({ UPLOAD_MAX_BYTES: "1000" });
    const sub = await ownFolder("transfer-up-max");
    try {
      const res = await upload(sub.remote, [{ name: "large.bin", data: bytesOf(Buffer.alloc(1001, 1)) }]);
      expect(res.status).toBe(413);
      expect(await readdir(sub.local)).toEqual([]);
      const fits = await upload(sub.remote, [{ name: "fits.bin", data: bytesOf(Buffer.alloc(1000, 1)) }]);
      expect(fits.status).toBe(200);
      expect((await stat(join(sub.local, "fits.bin"))).size).toBe(1000);
    } finally {
      restore();
      await sub.cleanup();
    }
  });

  it("refuses a body that is not multipart/form-data with 415", async () => {
    const res = await uploadRoute.POST(apiRequest("POST", `/api/fs/upload?dir=${encodeURIComponent(dir.remote)}`, { cookie, body: { x: 1 } }));
    expect(res.status).toBe(415);
  });

  it("keeps the exact bytes of a 45,017-byte file with every byte value", async () => {
    const data = Buffer.from(Array.from({ length: 45_017 }, (_, i) => (i * 7) & 255));
    const res = await upload(dir.remote, [{ name: "all-bytes.bin", data: bytesOf(data) }]);
    expect(res.status).toBe(200);
    expect(await sha256File(join(dir.local, "all-bytes.bin"))).toBe(sha256Of(data));
  });
});
