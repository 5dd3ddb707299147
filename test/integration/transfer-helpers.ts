import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getSessionOrThrow } from "@/lib/session/sessions";
import { apiRequest } from "./helpers";

export const MiB = 1024 * 1024;

/** `size` deterministic, non-repeating-looking bytes, generated 1 MiB at a time (never held whole). */
export function patternStream(size: number, seed = 1): Readable {
  let made = 0;
  let round = 0;
  return new Readable({
    read() {
      if (made >= size) return void this.push(null);
      const n = Math.min(MiB, size - made);
      const block = Buffer.allocUnsafe(n);
      let x = (seed * 2654435761 + round++ * 40503) >>> 0;
      for (let i = 0; i + 4 <= n; i += 4) {
        x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
        block.writeUInt32LE(x, i);
      }
      for (let i = n - (n % 4); i < n; i++) block[i] = (x >>> (8 * (i % 4))) & 255;
      made += n;
      this.push(block);
    },
  });
}

/** SHA-256 (hex) and byte count of a Node or web stream. */
export async function hashStream(stream: AsyncIterable<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Writes `size` pattern bytes to a local file; returns its SHA-256. */
export async function writePatternFile(path: string, size: number, seed = 1): Promise<string> {
  const hash = createHash("sha256");
  const source = patternStream(size, seed);
  source.on("data", (chunk: Buffer) => hash.update(chunk));
  await pipeline(source, createWriteStream(path));
  return hash.digest("hex");
}

export const sha256File = (path: string) => hashStream(createReadStream(path)).then((h) => h.sha256);
export const sha256Of = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The server-side session record of a cookie (to watch its pool and transfer slots). */
export function sessionOf(cookie: string) {
  return getSessionOrThrow(apiRequest("GET", "/api/session", { cookie }));
}

/** A name of exactly `bytes` UTF-8 bytes (Korean syllables are 3 bytes each). */
export function nameOfBytes(bytes: number, ext = ".bin"): string {
  const korean = Math.floor((bytes - ext.length) / 3);
  return "가".repeat(korean) + "x".repeat(bytes - ext.length - korean * 3) + ext;
}
