import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { startEmbeddedFtpServer, type EmbeddedFtpServer } from "@/lib/demo/embedded-ftp-server";
import { getSessionOrThrow } from "@/lib/session/sessions";
import { apiRequest, login } from "./helpers";

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
export async function hashStream(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  // Node's web ReadableStream is async-iterable; the DOM typings don't say so.
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
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

export interface Part {
  name: string;
  /** Send the name as RFC 5987 `filename*=UTF-8''…` (how a client can carry CR/LF/NUL to the server). */
  encodedName?: boolean;
  /** The file's bytes, produced when the part is sent. */
  data: () => AsyncIterable<Uint8Array>;
}

/**
 * A multipart/form-data body streamed part by part as a browser sends it (field
 * `file`, raw UTF-8 file name). `failAfter`: error the body once this many file
 * bytes went out (a browser that went away half way).
 */
export function multipartBody(parts: Part[], failAfter?: number): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----ferry-test-${Math.random().toString(16).slice(2)}`;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let sent = 0;
    for (const part of parts) {
      const filename = part.encodedName ? `filename*=UTF-8''${encodeURIComponent(part.name)}` : `filename="${part.name.replace(/"/g, "%22")}"`;
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${filename}\r\nContent-Type: application/octet-stream\r\n\r\n`);
      for await (const chunk of part.data()) {
        if (failAfter !== undefined && sent + chunk.length > failAfter) {
          yield chunk.subarray(0, failAfter - sent);
          throw new Error("the browser went away");
        }
        sent += chunk.length;
        yield chunk;
      }
      yield Buffer.from("\r\n");
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  return { body: webStreamOf(chunks()), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A web ReadableStream pulling from an async iterator (errors it when the iterator throws). */
export function webStreamOf(source: AsyncIterator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await source.return?.(undefined);
    },
  });
}

/** Bytes of a buffer as a one-chunk iterable (for `Part.data`). */
export const bytesOf = (data: Uint8Array) => async function* () {
  yield data;
};

/**
 * An embedded FTP server of its own serving /d/big.bin (64 MiB), and a session on it: a test
 * drops its connections to make a transfer fail half way. `stop` ends both.
 */
export async function faultyFtpServer(pasvRange: [number, number]): Promise<{ server: EmbeddedFtpServer; cookie: string; size: number; stop(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "ferry-transfer-fault-"));
  await mkdir(join(root, "d"));
  const size = 64 * MiB;
  await writePatternFile(join(root, "d", "big.bin"), size);
  const server = await startEmbeddedFtpServer({ root, users: { demo: "demo" }, pasvRange });
  const cookie = await login({ port: server.port });
  return {
    server,
    cookie,
    size,
    stop: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Reads a response body after its first chunk while `breakIt` cuts the FTP side: resolves with
 * the bytes if the body ends cleanly, rejects if it fails (what a download must do).
 */
export async function readWhileBreaking(body: ReadableStream<Uint8Array>, breakIt: () => Promise<void>): Promise<{ rest: Promise<number>; got: () => number }> {
  const reader = body.getReader();
  let got = (await reader.read()).value!.length;
  await breakIt();
  const rest = (async () => {
    for (;;) {
      const step = await reader.read();
      if (step.done) return got;
      got += step.value.length;
    }
  })();
  return { rest, got: () => got };
}
