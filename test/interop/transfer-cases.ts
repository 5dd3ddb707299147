// Transfer features of the contract (upload, download, resume, zip), registered by
// contract.test.ts inside each server × TLS × transfer-mode block.
import { createHash } from "node:crypto";
import { linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import yauzl from "yauzl";
import { call, expectJson, hasRoute } from "./api";
import { chownTree, sha256, sha256Body, sha256File, writeRandomFile } from "./fixtures";
import { noteNotBuilt, type Combo } from "./matrix";
import { multipartFromFiles } from "./multipart";

/** Size of the big file: at least 200 MiB, as the contract asks. */
export const bigSize = 200 * 1024 * 1024;

const routes = {
  download: await hasRoute("GET", "/api/fs/download"),
  upload: await hasRoute("POST", "/api/fs/upload"),
  zip: await hasRoute("GET", "/api/fs/zip"),
  uploads: await hasRoute("POST", "/api/fs/uploads"),
};

let bigFile: { path: string; sha256: string } | undefined;

/**
 * One pseudo-random 200 MiB file per worker, made once, hard-linked into each combo's folder.
 * It lives in the run's own folder, which test/interop/run.ts removes even when a worker is killed.
 */
function theBigFile(): { path: string; sha256: string } {
  if (!bigFile) {
    const dir = join(process.env.FERRY_INTEROP_NOTES ?? tmpdir(), `big-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "big.bin");
    bigFile = { path, sha256: writeRandomFile(path, bigSize) };
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return bigFile;
}

export interface TransferContext {
  combo: Combo;
  remote: string;
  local: string;
  cookie: () => string;
}

/** Registers a test, or while Ferry lacks the route, a test that checks it is absent and says so in the matrix. */
function feature(ctx: TransferContext, name: string, built: boolean, route: string, body: () => Promise<void>): void {
  if (built) {
    test(name, body);
    return;
  }
  test(name, async () => {
    const [method, path] = route.split(" ") as [string, string];
    expect(await hasRoute(method, path)).toBe(false);
    noteNotBuilt(ctx.combo, name, route);
  });
}

async function upload(ctx: TransferContext, dir: string, files: Array<{ path: string; name: string }>): Promise<Response> {
  const { body, contentType } = multipartFromFiles(files);
  return call("POST", "/api/fs/upload", { cookie: ctx.cookie(), query: { dir }, body, headers: { "content-type": contentType } });
}

export function defineTransferCases(ctx: TransferContext): void {
  const at = (...parts: string[]) => join(ctx.local, ...parts);

  feature(ctx, "upload and download byte-exact", routes.download && routes.upload, "POST /api/fs/upload", async () => {
    mkdirSync(at("small"));
    chownTree(at("small"));
    const samples: Array<[string, Buffer]> = [
      ["empty.bin", Buffer.alloc(0)],
      ["one.bin", Buffer.from([0x2a])],
      ["한국어 45017.bin", Buffer.from(Array.from({ length: 45_017 }, (_, i) => (i * 7) & 255))],
      [" spaced -dash.bin", Buffer.from("spaced\n")],
    ];
    const source = join(tmpdir(), `ferry-interop-up-${process.pid}-${ctx.combo.slug}`);
    mkdirSync(source, { recursive: true });
    for (const [name, data] of samples) writeFileSync(join(source, name), data);
    const res = await upload(ctx, `${ctx.remote}/small`, samples.map(([name]) => ({ path: join(source, name), name })));
    expect(res.status).toBeLessThan(300);
    for (const [name, data] of samples) {
      expect(await sha256File(at("small", name))).toBe(sha256(data));
      const down = await call("GET", "/api/fs/download", { cookie: ctx.cookie(), query: { path: `${ctx.remote}/small/${name}` } });
      expect(down.status).toBe(200);
      expect(await sha256Body(down)).toEqual({ sha256: sha256(data), bytes: data.length });
    }
    rmSync(source, { recursive: true, force: true });
  });

  feature(ctx, "download 200 MiB byte-exact", routes.download, "GET /api/fs/download", async () => {
    const big = theBigFile();
    linkSync(big.path, at("big.bin"));
    chownTree(at("big.bin"));
    const res = await call("GET", "/api/fs/download", { cookie: ctx.cookie(), query: { path: `${ctx.remote}/big.bin` } });
    expect(res.status).toBe(200);
    expect(await sha256Body(res)).toEqual({ sha256: big.sha256, bytes: bigSize });
  });

  feature(ctx, "upload 200 MiB byte-exact", routes.upload, "POST /api/fs/upload", async () => {
    const big = theBigFile();
    mkdirSync(at("big-up"));
    chownTree(at("big-up"));
    const res = await upload(ctx, `${ctx.remote}/big-up`, [{ path: big.path, name: "big 업로드.bin" }]);
    expect(res.status).toBeLessThan(300);
    expect(statSync(at("big-up", "big 업로드.bin")).size).toBe(bigSize);
    expect(await sha256File(at("big-up", "big 업로드.bin"))).toBe(big.sha256);
    // No temp file left beside it; the copy is removed to keep the disk small.
    expect(readdirSync(at("big-up"))).toEqual(["big 업로드.bin"]);
    rmSync(at("big-up"), { recursive: true, force: true });
  });

  feature(ctx, "resume download (Range)", routes.download, "GET /api/fs/download", async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
    writeFileSync(at("resume.bin"), data);
    chownTree(at("resume.bin"));
    const from = 1_000_003;
    const res = await call("GET", "/api/fs/download", { cookie: ctx.cookie(), query: { path: `${ctx.remote}/resume.bin` }, headers: { range: `bytes=${from}-` } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${from}-${data.length - 1}/${data.length}`);
    expect(await sha256Body(res)).toEqual({ sha256: sha256(data.subarray(from)), bytes: data.length - from });
  });

  feature(ctx, "resume upload", routes.uploads, "POST /api/fs/uploads", async () => {
    mkdirSync(at("resume-up"));
    chownTree(at("resume-up"));
    const data = Buffer.alloc(6 * 1024 * 1024 + 4321);
    for (let i = 0; i < data.length; i++) data[i] = (i * 131 + (i >> 12)) & 255;
    const dir = `${ctx.remote}/resume-up`;
    const created = await expectJson<{ id: string; offset: number; chunkSize: number }>(
      await call("POST", "/api/fs/uploads", { cookie: ctx.cookie(), json: { dir, name: "이어 올리기.bin", size: data.length } }),
      201,
    );
    const put = (offset: number, bytes: Buffer, cutAfter?: number) =>
      call("PUT", `/api/fs/uploads/${created.id}`, { cookie: ctx.cookie(), query: { offset: String(offset) }, body: chunkBody(bytes, cutAfter), headers: { "content-type": "application/octet-stream" } });
    expect(await expectJson(await put(0, data.subarray(0, 2 * 1024 * 1024)), 200)).toEqual({ offset: 2 * 1024 * 1024 });
    // The next chunk's connection drops half way; the server keeps what arrived.
    expect((await put(2 * 1024 * 1024, data.subarray(2 * 1024 * 1024, 4 * 1024 * 1024), 1024 * 1024 + 3)).status).toBeGreaterThanOrEqual(400);
    let offset = (await expectJson<{ offset: number }>(await call("GET", `/api/fs/uploads/${created.id}`, { cookie: ctx.cookie() }), 200)).offset;
    expect(offset).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    while (offset < data.length) {
      const res = await put(offset, data.subarray(offset, Math.min(data.length, offset + 3 * 1024 * 1024)));
      const body = (await res.json()) as { offset?: number; error?: { code: string; details?: { offset: number } } };
      if (res.status === 409 && body.error?.code === "offset_mismatch") offset = body.error.details!.offset;
      else if (res.status === 200) offset = body.offset!;
      else throw new Error(`chunk at ${offset}: HTTP ${res.status} ${JSON.stringify(body)}`);
    }
    expect(await expectJson(await call("POST", `/api/fs/uploads/${created.id}/complete`, { cookie: ctx.cookie() }), 200)).toEqual({ name: "이어 올리기.bin", path: `${dir}/이어 올리기.bin`, size: data.length });
    expect(await sha256File(at("resume-up", "이어 올리기.bin"))).toBe(sha256(data));
    expect(readdirSync(at("resume-up"))).toEqual(["이어 올리기.bin"]);
  });

  feature(ctx, "zip download", routes.zip, "GET /api/fs/zip", async () => {
    const files: Record<string, Buffer> = {
      "zip-src/top.txt": Buffer.from("top\n"),
      "zip-src/한글 폴더/안쪽 파일.txt": Buffer.from("안쪽\n"),
      "zip-src/한글 폴더/deeper/bytes.bin": Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 13) & 255)),
      "zip-src/한글 폴더/deeper/empty.txt": Buffer.alloc(0),
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(at(path), ".."), { recursive: true });
      writeFileSync(at(path), content);
    }
    chownTree(at("zip-src"));
    const res = await call("GET", "/api/fs/zip", { cookie: ctx.cookie(), query: { dir: `${ctx.remote}/zip-src` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const entries = await readZipEntries(res, join(tmpdir(), `ferry-interop-zip-${process.pid}-${ctx.combo.slug}.zip`));
    const want = Object.fromEntries(Object.entries(files).map(([path, content]) => [path.slice("zip-src/".length), sha256(content)]));
    want["한글 폴더/"] = "dir";
    want["한글 폴더/deeper/"] = "dir";
    expect(entries).toEqual(want);
  });
}

/** A chunk body streamed in 256 KiB pieces; `cutAfter` errors it after that many bytes (a dropped connection). */
function chunkBody(bytes: Buffer, cutAfter?: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (cutAfter !== undefined && at >= cutAfter) return controller.error(new Error("connection dropped"));
      if (at >= bytes.length) return controller.close();
      const end = Math.min(bytes.length, at + 256 * 1024, cutAfter ?? Infinity);
      controller.enqueue(new Uint8Array(bytes.subarray(at, end)));
      at = end;
    },
  });
}

/** Saves a zip answer and reads it back with yauzl: name → SHA-256 of the content ("dir" for folders). */
async function readZipEntries(res: Response, file: string): Promise<Record<string, string>> {
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  try {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
    const entries: Record<string, string> = {};
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) {
          entries[entry.fileName] = "dir";
          return zip.readEntry();
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const hash = createHash("sha256");
          stream.on("data", (chunk: Buffer) => hash.update(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            entries[entry.fileName] = hash.digest("hex");
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
    return entries;
  } finally {
    rmSync(file, { force: true });
  }
}
