import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import yauzl from "yauzl";
import * as zipRoute from "@/app/api/fs/zip/route";
import { activeTransfers } from "@/lib/security/transfer-slots";
import { setEnv } from "../security/env";
import { errorOf, login } from "./helpers";
import { ownFolder } from "./fs-helpers";
import { hashStream, MiB, sessionOf, writePatternFile } from "./transfer-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
let scratch: string;
const expected = new Map<string, string>();

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("transfer-zip");
  scratch = await mkdtemp(join(tmpdir(), "ferry-zip-test-"));
  const files: Array<[string, number]> = [
    ["a.txt", 10],
    ["사진 폴더/한글 이름.jpg", 70_000],
    ["사진 폴더/sub/deep.bin", 3 * MiB + 1],
    ["사진 폴더/sub/empty.txt", 0],
    ["other/x #?%&+.txt", 123],
  ];
  for (const [path, size] of files) {
    await mkdir(join(dir.local, path, ".."), { recursive: true });
    expected.set(path, await writePatternFile(join(dir.local, path), size, size + 11));
  }
  await mkdir(join(dir.local, "사진 폴더", "empty dir"));
});
afterAll(async () => {
  await dir.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

interface ZipListing {
  /** name → SHA-256 of the content; folders end in "/" and map to "dir". */
  entries: Map<string, string>;
  utf8Flags: boolean;
}

/** Saves the answer to disk and reads it back with yauzl (which checks the central directory and each CRC). */
async function readZip(res: Response): Promise<ZipListing> {
  const file = join(scratch, `${Math.random().toString(16).slice(2)}.zip`);
  await pipeline(Readable.fromWeb(res.body! as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(file));
  const declared = res.headers.get("x-ferry-content-length");
  if (declared !== null) expect((await stat(file)).size).toBe(Number(declared));
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err ? reject(err) : resolve(z))));
  const entries = new Map<string, string>();
  let utf8Flags = true;
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      if (/[^\x00-\x7f]/.test(entry.fileName) && (entry.generalPurposeBitFlag & 0x800) === 0) utf8Flags = false;
      if (entry.fileName.endsWith("/")) {
        entries.set(entry.fileName, "dir");
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        hashStream(stream).then((h) => {
          entries.set(entry.fileName, h.sha256);
          zip.readEntry();
        }, reject);
      });
    });
    zip.readEntry();
  });
  return { entries, utf8Flags };
}

const zipOf = (query: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  return zipRoute.GET(new Request(`http://ferry.test/api/fs/zip?${params}`, { headers: { cookie } }));
};

describe("GET /api/fs/zip", () => {
  it("zips the chosen files and folders recursively with UTF-8 names and exact contents", async () => {
    const res = await zipOf({ dir: dir.remote, name: ["a.txt", "사진 폴더"] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const zip = await readZip(res);
    expect([...zip.entries.keys()].sort()).toEqual(["a.txt", "사진 폴더/", "사진 폴더/empty dir/", "사진 폴더/sub/", "사진 폴더/sub/deep.bin", "사진 폴더/sub/empty.txt", "사진 폴더/한글 이름.jpg"]);
    for (const [name, sha] of zip.entries) if (sha !== "dir") expect(sha, name).toBe(expected.get(name));
    expect(zip.utf8Flags).toBe(true);
  });

  it("zips a whole folder when no name is given, named after the folder", async () => {
    const res = await zipOf({ dir: `${dir.remote}/other` });
    expect(res.headers.get("content-disposition")).toContain(`filename="other.zip"`);
    const zip = await readZip(res);
    expect([...zip.entries]).toEqual([["x #?%&+.txt", expected.get("other/x #?%&+.txt")]]);
  });

  it("takes the archive name from zipName", async () => {
    const res = await zipOf({ dir: dir.remote, name: "a.txt", zipName: "내 파일.zip" });
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''%EB%82%B4%20%ED%8C%8C%EC%9D%BC.zip");
    await res.body?.cancel();
  });

  it("answers 404 for a name that is not in the folder, before any zip byte", async () => {
    const res = await zipOf({ dir: dir.remote, name: ["a.txt", "missing.txt"] });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it("refuses a tree with more than ZIP_MAX_ENTRIES entries with 413", async () => {
    const restore = setEnv({ ZIP_MAX_ENTRIES: "5" });
    try {
      const res = await zipOf({ dir: dir.remote, name: ["a.txt", "사진 폴더"] });
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe("payload_too_large");
      const fits = await zipOf({ dir: `${dir.remote}/사진 폴더`, name: "sub" });
      expect(fits.status).toBe(200);
      expect((await readZip(fits)).entries.size).toBe(3);
    } finally {
      restore();
    }
  });

  it("frees the transfer slot when the browser stops reading", async () => {
    const session = await sessionOf(cookie);
    const res = await zipOf({ dir: dir.remote, name: "사진 폴더" });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(activeTransfers(session.id)).toBe(0));
  });
});
