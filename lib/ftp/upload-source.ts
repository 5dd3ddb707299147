import "server-only";
import { Readable, Transform, type Writable } from "node:stream";
import type { TLSSocket } from "node:tls";
import type { Client } from "basic-ftp";
import type { SessionPool } from "./pool";

/**
 * How long an empty upload keeps its TLS data connection open after the handshake.
 * Measured against vsftpd 3.0.3 and ProFTPD 1.3.8: closing at once after the
 * handshake fails (TLS alert "decode error", "wrong version number" or a 425),
 * closing 1 ms later fails now and then, 20 ms later never failed; 150 ms leaves margin.
 */
const EMPTY_TLS_GRACE_MS = 150;

/**
 * The stream to pipe a file's bytes into; hand `sendable(stream, client)` to `client.uploadFrom` /
 * `appendFrom`. Its 1 MiB buffers are slack between the two sides: the HTTP body keeps arriving
 * while the data connection catches up, and the other way round.
 */
export function storSource(): Transform {
  return new Transform({
    writableHighWaterMark: 1024 * 1024,
    readableHighWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk);
    },
  });
}

/**
 * What basic-ftp reads for a STOR/APPE: `source`'s chunks as they are, neither copied nor
 * gathered (gathering copies, and a copy cannot be given back with `release`). It starts
 * reading `source` only once basic-ftp reads it, which is when the data connection is up (after
 * `secureConnect` over FTPS). An empty file over FTPS would close the data connection in the same
 * instant as the TLS handshake ends, which vsftpd and ProFTPD cannot take (they are still between
 * accepting TLS and reading); it waits briefly first.
 *
 * `release` is called with each chunk once the data connection has written it, so that the
 * memory under it can be reused (a request body read in blocks, lib/http/node-body.ts).
 */
export function sendable(source: Readable, client: Client, release?: (chunk: Buffer) => void): Readable {
  let sent = 0;
  let started = false;
  let failure: Error | undefined;
  // Paused first, so that the listener below does not start the flow before basic-ftp reads.
  source.pause();
  const out = new Readable({
    highWaterMark: 1024 * 1024,
    read() {
      if (!started) {
        started = true;
        if (release) releaseOnWrite(client.ftp.dataSocket, release);
        // A source that failed before the data connection was up fails the transfer now: failing it
        // while basic-ftp is still connecting could leave that connection open.
        if (failure) return void out.destroy(failure);
      }
      source.resume();
    },
    destroy(err, callback) {
      source.destroy(err ?? undefined);
      callback(err);
    },
  });
  source.on("data", (chunk: Buffer) => {
    sent += chunk.length;
    if (!out.push(chunk)) source.pause();
  });
  source.once("error", (err) => {
    if (started) out.destroy(err);
    else failure = err;
  });
  source.once("end", () => {
    const socket = client.ftp.dataSocket as TLSSocket | undefined;
    if (sent === 0 && socket && "encrypted" in socket && socket.encrypted) setTimeout(() => out.push(null), EMPTY_TLS_GRACE_MS);
    else out.push(null);
  });
  return out;
}

/** Calls `release` with each chunk basic-ftp's pipe writes to `socket`, once written (or failed). */
function releaseOnWrite(socket: Writable | undefined, release: (chunk: Buffer) => void): void {
  if (!socket) return;
  const write = socket.write as (this: Writable, ...args: unknown[]) => boolean;
  // The pipe writes `write(chunk)`; any other form is passed on as it is.
  socket.write = function (this: Writable, ...args: unknown[]) {
    const [chunk] = args;
    if (args.length !== 1 || !Buffer.isBuffer(chunk)) return write.apply(this, args);
    return write.call(this, chunk, () => release(chunk));
  } as Writable["write"];
}

/** STORs an empty file at `path` (through `sendable`, which gives an FTPS server its moment). */
export async function storeEmpty(pool: SessionPool, path: string): Promise<void> {
  await pool.run((client) => client.uploadFrom(sendable(Readable.from([]), client), path));
}
