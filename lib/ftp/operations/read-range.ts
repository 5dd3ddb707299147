import "server-only";
import { PassThrough, Writable } from "node:stream";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { parseByteRange, type ByteRange } from "@/lib/preview/byte-range";
import { fileVersion } from "../file-version";
import type { SessionPool } from "../pool";

export interface RangeRead {
  /** Whole file size (bytes). */
  size: number;
  /** The bytes sent: the asked range, or the whole file. */
  range: ByteRange;
  /** True when a Range was honoured (answer 206). */
  partial: boolean;
  body: ReadableStream<Uint8Array>;
}

/** Thrown into the RETR sink once the range is complete: basic-ftp has no ABOR, closing is the only stop. */
class RangeComplete extends Error {}

/**
 * Streams a file or one byte range of it (REST + RETR) for previews and media
 * seeking. A range that ends before the file does closes that FTP connection
 * when done (the pool opens a new one on demand). A read that ends short errors
 * the stream rather than ending it, and a stream the browser stops reading for
 * PREVIEW_IDLE_SECONDS is closed so it cannot hold a pooled connection forever.
 * 404 when missing, 416 (with `Content-Range: bytes *\/size`) for an unsatisfiable range.
 */
export async function readRange(pool: SessionPool, path: string, rangeHeader: string | null): Promise<RangeRead> {
  const found = await pool.run((client) => fileVersion(client, path), { idempotent: true });
  if (!found) throw new AppError("not_found", `${path} does not exist.`);
  const { size } = found;
  const asked = parseByteRange(rangeHeader, size);
  if (asked === "unsatisfiable") {
    throw new AppError("range_not_satisfiable", "The requested part of the file lies beyond its end.", { headers: { "content-range": `bytes */${size}` } });
  }
  const range = asked ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : range.end - range.start + 1;
  const stopsEarly = range.end < size - 1;

  const pass = new PassThrough();
  let sent = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const room = length - sent;
      if (room <= 0) return callback(); // the file grew since SIZE: keep to what we promised
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      sent += part.length;
      if (stopsEarly && sent >= length) {
        pass.end(part);
        return callback(new RangeComplete());
      }
      if (pass.write(part)) callback();
      else pass.once("drain", () => callback());
    },
  });
  if (length > 0) {
    void pool
      .run((client) => client.downloadTo(sink, path, range.start))
      .then(
        () => (sent === length ? pass.end() : pass.destroy(new AppError("connection_lost", "The file ended before the expected size."))),
        (err: unknown) => {
          if (!(err instanceof RangeComplete)) pass.destroy(err instanceof Error ? err : new Error(String(err)));
        },
      );
  } else {
    pass.end();
  }
  return { size, range, partial: asked !== null, body: toWebStream(pass, () => sink.destroy(new Error("The browser stopped reading."))) };
}

/** A web ReadableStream over a Node stream, with pull/cancel (Readable.toWeb can throw on abort) and an idle limit. */
function toWebStream(source: PassThrough, stop: () => void): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const idleMs = env().PREVIEW_IDLE_SECONDS * 1000;
  let idle: NodeJS.Timeout | undefined;
  const end = () => {
    clearTimeout(idle);
    stop();
    source.destroy();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      clearTimeout(idle);
      try {
        const next = await iterator.next();
        if (next.done) {
          clearTimeout(idle);
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(next.value as Buffer));
        idle = setTimeout(() => {
          end();
          controller.error(new Error("The preview was not read for too long."));
        }, idleMs);
        idle.unref();
      } catch (err) {
        end();
        controller.error(err);
      }
    },
    cancel() {
      end();
    },
  });
}
