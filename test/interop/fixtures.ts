import { createHash } from "node:crypto";
import { chownSync, closeSync, createReadStream, lchownSync, lstatSync, mkdirSync, openSync, readdirSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ftpUser } from "./harness/context";

/** Names that break naive clients, each created on the server's disk by the suite. */
export const names = {
  korean: "한국어 파일 이름.txt",
  leadingSpace: " leading space.txt",
  trailingSpace: "trailing space.txt ",
  dash: "-rf --help.txt",
  // 5 + 70×3 + 4 = 219 bytes of UTF-8.
  long: `long-${"가".repeat(70)}.txt`,
  empty: "empty.txt",
  plain: "plain.txt",
  folder: "sub folder",
  linkToFile: "link-to-plain",
  linkToDir: "link-to-folder",
};

/** Gives a tree made by root to the FTP user, so the server may change it (names as raw bytes: some are not UTF-8). */
export function chownTree(path: string | Buffer): void {
  const bytes = typeof path === "string" ? Buffer.from(path) : path;
  lchownSync(bytes, ftpUser.uid, ftpUser.gid);
  if (lstatSync(bytes).isDirectory()) {
    for (const entry of readdirSync(bytes, { encoding: "buffer" })) chownTree(Buffer.concat([bytes, Buffer.from("/"), entry]));
  }
}

/** Creates `dir` (owned by the FTP user) with the tricky names, an empty file, a folder and symlinks. */
export function makeNameFixtures(dir: string): void {
  mkdirSync(join(dir, names.folder), { recursive: true });
  writeFileSync(join(dir, names.folder, "inner.txt"), "inside\n");
  for (const key of ["korean", "leadingSpace", "trailingSpace", "dash", "long", "plain"] as const) {
    writeFileSync(join(dir, names[key]), `content of ${names[key]}\n`);
  }
  writeFileSync(join(dir, names.empty), "");
  symlinkSync(names.plain, join(dir, names.linkToFile));
  symlinkSync(names.folder, join(dir, names.linkToDir));
  chownTree(dir);
}

/** Writes `size` bytes of pseudo-random content (fast, not all zeros) and returns its SHA-256. */
export function writeRandomFile(path: string, size: number): string {
  const hash = createHash("sha256");
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((Math.imul(i + 1, 2654435761) ^ size) >>> 0, i);
  const fd = openSync(path, "w");
  try {
    let written = 0;
    let round = 0;
    while (written < size) {
      block.writeUInt32LE(round++, 0);
      const n = Math.min(block.length, size - written);
      writeSync(fd, block, 0, n);
      hash.update(block.subarray(0, n));
      written += n;
    }
  } finally {
    closeSync(fd);
  }
  chownSync(path, ftpUser.uid, ftpUser.gid);
  return hash.digest("hex");
}

/** SHA-256 of a file on disk, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** SHA-256 and length of a response body, streamed. */
export async function sha256Body(res: Response): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
  }
  return { sha256: hash.digest("hex"), bytes };
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
