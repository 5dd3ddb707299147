import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as downloadRoute from "@/app/api/fs/download/route";
import { blockReadConnections } from "@/lib/ftp/block-data-socket";
import { poolFor } from "@/lib/ftp/pools";
import { activeTransfers } from "@/lib/security/transfer-slots";
import { apiRequest, errorOf, login } from "./helpers";
import { get, ownFolder } from "./fs-helpers";
import { faultyFtpServer, hashStream, MiB, nameOfBytes, readWhileBreaking, sessionOf, sha256Of, writePatternFile } from "./transfer-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
const hashes = new Map<string, string>();
const sizes = new Map<string, number>();

const files: Array<[string, number]> = [
  ["empty.bin", 0],
  ["one.bin", 1],
  ["odd 45017.bin", 45_017],
  ["big.bin", 100 * MiB],
  ["한국어 파일.txt", 5000],
  ["  spaced name .txt", 300],
  ["#?%&+ weird.txt", 400],
  [nameOfBytes(200), 2048],
];

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("transfer-down");
  for (const [name, size] of files) {
    hashes.set(name, await writePatternFile(join(dir.local, name), size, size));
    sizes.set(name, size);
  }
}, 60_000);
afterAll(() => dir.cleanup());

const download = (name: string, headers: Record<string, string> = {}) => get(downloadRoute.GET, "/api/fs/download", { path: `${dir.remote}/${name}` }, cookie, { headers });

describe("GET /api/fs/download", () => {
  it.each(files.map(([name, size]) => [name, size] as const))("streams %s (%i bytes) byte-exact with attachment headers", async (name, size) => {
    const res = await download(name);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("x-ferry-content-length")).toBe(String(size));
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    // The RFC 6266 name decodes back to the exact file name (Chromium saves it so).
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(name);
    expect(await hashStream(res.body!)).toEqual({ sha256: hashes.get(name), bytes: size });
  }, 60_000);

  it("uses an ASCII fallback name without quotes or non-ASCII characters", async () => {
    const res = await download("한국어 파일.txt");
    await res.body?.cancel();
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="download.txt"; filename*=UTF-8''%ED%95%9C%EA%B5%AD%EC%96%B4%20%ED%8C%8C%EC%9D%BC.txt`);
    const weird = await download("#?%&+ weird.txt");
    await weird.body?.cancel();
    expect(weird.headers.get("content-disposition")).toBe(`attachment; filename="#?_&+ weird.txt"; filename*=UTF-8''%23%3F%25%26%2B%20weird.txt`);
  });

  it("reads a plain passive data connection in blocks, byte-exact", async () => {
    const before = blockReadConnections();
    const res = await download("big.bin");
    expect(await hashStream(res.body!)).toEqual({ sha256: hashes.get("big.bin"), bytes: 100 * MiB });
    expect(blockReadConnections()).toBe(before + 1);
  });

  it("answers HEAD with the same headers and no body", async () => {
    const res = await downloadRoute.HEAD(apiRequest("HEAD", `/api/fs/download?path=${encodeURIComponent(`${dir.remote}/odd 45017.bin`)}`, { cookie }));
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
    expect(res.headers.get("x-ferry-content-length")).toBe("45017");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''odd%2045017.bin");
  });

  it("answers 404 for a missing file", async () => {
    const res = await download("nope.bin");
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  describe("Range", () => {
    const name = "odd 45017.bin";
    const whole = async () => Buffer.from(await (await download(name)).arrayBuffer());

    it.each([
      ["bytes=1000-", 1000, 45_016],
      ["bytes=0-0", 0, 0],
      ["bytes=100-199", 100, 199],
      ["bytes=45000-99999", 45_000, 45_016],
      ["bytes=-17", 45_000, 45_016],
    ])("%s answers 206 with exactly that part", async (range, start, end) => {
      const all = await whole();
      const res = await download(name, { range });
      expect(res.status).toBe(206);
      expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/45017`);
      expect(res.headers.get("x-ferry-content-length")).toBe(String(end - start + 1));
      expect(await hashStream(res.body!)).toEqual({ sha256: sha256Of(all.subarray(start, end + 1)), bytes: end - start + 1 });
    });

    it("resumes the 100 MiB file from the middle byte-exact", async () => {
      const from = 50 * MiB + 7;
      const res = await download("big.bin", { range: `bytes=${from}-` });
      expect(res.status).toBe(206);
      const tail = await hashStream(res.body!);
      expect(tail.bytes).toBe(100 * MiB - from);
    });

    it.each([["bytes=45017-"], ["bytes=99999-100000"]])("%s beyond the end is 416 with the size", async (range) => {
      const res = await download(name, { range });
      expect(res.status).toBe(416);
      expect(res.headers.get("content-range")).toBe("bytes */45017");
      expect((await errorOf(res)).code).toBe("range_not_satisfiable");
    });

    it("any range of an empty file is 416", async () => {
      const res = await download("empty.bin", { range: "bytes=0-" });
      expect(res.status).toBe(416);
    });

    it("ignores the Range when If-Range names another version", async () => {
      const head = await downloadRoute.HEAD(apiRequest("HEAD", `/api/fs/download?path=${encodeURIComponent(`${dir.remote}/${name}`)}`, { cookie }));
      const etag = head.headers.get("etag")!;
      expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
      const same = await download(name, { range: "bytes=10-", "if-range": etag });
      expect(same.status).toBe(206);
      await same.body?.cancel();
      const other = await download(name, { range: "bytes=10-", "if-range": '"stale"' });
      expect(other.status).toBe(200);
      expect((await hashStream(other.body!)).bytes).toBe(45_017);
    });
  });

  it("stops the FTP transfer and frees its slot and connection when the browser goes away", async () => {
    const session = await sessionOf(cookie);
    const pool = poolFor(session);
    const res = await download("big.bin");
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeGreaterThan(0);
    expect(activeTransfers(session.id)).toBe(1);
    const openDuring = pool.openCount;
    await reader.cancel();
    // The RETR's client is closed (basic-ftp has no ABOR) and the transfer slot given back.
    await vi.waitFor(() => {
      expect(activeTransfers(session.id)).toBe(0);
      expect(pool.openCount).toBe(openDuring - 1);
    });
    // The pool opens a fresh connection for the next transfer.
    const again = await download("odd 45017.bin");
    expect((await hashStream(again.body!)).sha256).toBe(hashes.get("odd 45017.bin"));
  });
});

describe("a download whose FTP side fails half way", () => {
  let fault: Awaited<ReturnType<typeof faultyFtpServer>>;
  beforeAll(async () => {
    fault = await faultyFtpServer([53_100, 53_149]);
  });
  afterAll(() => fault.stop());

  it("errors the response instead of ending it cleanly", async () => {
    const res = await get(downloadRoute.GET, "/api/fs/download", { path: "/d/big.bin" }, fault.cookie);
    expect(res.status).toBe(200);
    const reading = await readWhileBreaking(res.body!, () => fault.server.dropConnections(0));
    await expect(reading.rest).rejects.toThrow();
    expect(reading.got()).toBeLessThan(fault.size);
    const session = await sessionOf(fault.cookie);
    await vi.waitFor(() => expect(activeTransfers(session.id)).toBe(0));
  });
});
