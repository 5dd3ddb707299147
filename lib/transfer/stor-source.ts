import "server-only";
import { Transform } from "node:stream";
import type { TLSSocket } from "node:tls";
import type { Client } from "basic-ftp";

/** Longest wait (ms) for the server to finish the data connection's TLS handshake before an empty file ends. */
const HANDSHAKE_WAIT_MS = 2000;

/**
 * The stream to hand `client.uploadFrom` / `appendFrom`: pipe the data into it.
 *
 * Over FTPS an empty file used to fail: basic-ftp starts piping on the client's
 * `secureConnect`, and with nothing to send the data connection was ended while
 * the server was still finishing the TLS 1.3 handshake; vsftpd and ProFTPD then
 * answer with a TLS alert ("decode error"), a 425 or a hang. So an upload that
 * sent no byte waits, before ending, for the server's first TLS session ticket
 * (sent once its side of the handshake is done), at most HANDSHAKE_WAIT_MS.
 * It also starts with one empty Buffer (object mode keeps it a write of its own).
 */
export function storSource(client: Client): Transform {
  let sent = 0;
  const source = new Transform({
    readableObjectMode: true,
    readableHighWaterMark: 64,
    writableHighWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      const socket = client.ftp.dataSocket as TLSSocket | undefined;
      if (sent > 0 || !socket || !("getProtocol" in socket) || socket.getProtocol() !== "TLSv1.3") return callback();
      const done = () => {
        clearTimeout(timer);
        socket.off("session", done);
        callback();
      };
      const timer = setTimeout(done, HANDSHAKE_WAIT_MS);
      socket.once("session", done);
    },
  });
  source.push(Buffer.alloc(0));
  return source;
}
