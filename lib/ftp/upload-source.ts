import "server-only";
import { Readable, Transform } from "node:stream";
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
 * `appendFrom`. Its 1 MiB readable buffer lets `sendable` take what has gathered as one piece
 * when the data connection is slower than the HTTP side, so the writes to it are fewer and larger.
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
 * What basic-ftp reads for a STOR/APPE. basic-ftp starts reading only once the
 * data connection is up (after `secureConnect` over FTPS), so the generator
 * runs then. An empty file over FTPS would close the data connection in the
 * same instant as the TLS handshake ends, which vsftpd and ProFTPD cannot take
 * (they are still between accepting TLS and reading); it waits briefly first.
 */
export function sendable(source: Readable, client: Client): Readable {
  return Readable.from(
    (async function* () {
      let sent = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        sent += chunk.length;
        yield chunk;
      }
      const socket = client.ftp.dataSocket as TLSSocket | undefined;
      if (sent === 0 && socket && "encrypted" in socket && socket.encrypted) {
        await new Promise((resolve) => setTimeout(resolve, EMPTY_TLS_GRACE_MS));
      }
    })(),
    { objectMode: false, highWaterMark: 1024 * 1024 },
  );
}

/** STORs an empty file at `path` (through `sendable`, which gives an FTPS server its moment). */
export async function storeEmpty(pool: SessionPool, path: string): Promise<void> {
  await pool.run((client) => client.uploadFrom(sendable(Readable.from([]), client), path));
}
