import "server-only";
import { Writable } from "node:stream";
import type { Client } from "basic-ftp";
import { BlockPool, readNextDataConnectionInBlocks } from "@/lib/ftp/block-data-socket";

export interface RetrIntoOptions {
  /** Byte offset to start at (REST). Default 0. */
  start?: number;
  /** Bytes promised to the receiver: more are dropped, fewer is an error. Undefined: whatever the server sends. */
  length?: number;
  /** Stop the RETR once `length` bytes arrived (a range that ends before the file does). */
  stopAtLength?: boolean;
  /** Where read blocks come from; give the pool back what `out` is done with. Default: a pool of its own. */
  blocks?: BlockPool;
}

/** Thrown into the RETR sink when a range is complete: basic-ftp has no ABOR, closing is the only stop. */
class LengthReached extends Error {}

/** Thrown when the RETR delivered a different number of bytes than promised. */
export class ShortRead extends Error {
  constructor(readonly sent: number, readonly expected: number) {
    super(`The file ended after ${sent} of ${expected} bytes.`);
  }
}

/**
 * RETR `path` on `client` into `out` with backpressure, without ever ending or
 * destroying `out` (basic-ftp ends its destination even on error and may do so
 * before the final 226; the caller ends `out` only when this resolves, and
 * destroys it when this rejects). If `out` closes first (browser gone, transfer
 * guard fired), the RETR is stopped, which closes the client: the pool opens a
 * fresh connection for the next task. Resolves with the bytes written.
 *
 * A plain passive data connection is read in blocks of up to 4 MiB
 * (lib/ftp/block-data-socket.ts); any other comes through basic-ftp's pipe into
 * `sink`. Both feed `take`.
 */
export async function retrInto(client: Client, path: string, out: Writable, options: RetrIntoOptions): Promise<number> {
  const length = options.length ?? Infinity;
  let sent = 0;
  /** Writes what is still promised of `chunk` to `out`; `next` runs once `out` can take more (or with why to stop). */
  const take = (chunk: Buffer, next: (err?: Error) => void) => {
    const room = length - sent;
    if (room <= 0) return next(); // the file grew since SIZE: keep to what was promised
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    sent += part.length;
    const done = () => next(options.stopAtLength && sent >= length ? new LengthReached() : undefined);
    if (out.destroyed) return next(new Error("The receiver went away."));
    if (out.write(part)) return done();
    const onDrain = () => {
      out.off("close", onClose);
      done();
    };
    const onClose = () => {
      out.off("drain", onDrain);
      next(new Error("The receiver went away."));
    };
    out.once("drain", onDrain);
    out.once("close", onClose);
  };
  const sink = new Writable({
    highWaterMark: 256 * 1024,
    write: (chunk: Buffer, _encoding, callback) => take(chunk, callback),
  });
  const undoBlocks = readNextDataConnectionInBlocks(client.ftp, options.blocks ?? new BlockPool(), (chunk, socket) => {
    let waiting = true;
    let paused = false;
    take(chunk, (err) => {
      waiting = false;
      if (err) socket.destroy(err);
      else if (paused) socket.resume();
    });
    if (waiting) {
      paused = true;
      socket.pause();
    }
  });
  const stop = () => sink.destroy(new Error("The receiver went away."));
  out.once("close", stop);
  try {
    await client.downloadTo(sink, path, options.start ?? 0);
  } catch (err) {
    if (!(err instanceof LengthReached)) throw err;
  } finally {
    undoBlocks();
    out.off("close", stop);
  }
  if (options.length !== undefined && sent !== length) throw new ShortRead(sent, length);
  return sent;
}
