import "server-only";
import { open } from "node:fs/promises";
import { Writable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import type { SessionPool } from "./pool";

/**
 * Downloads a remote file into a local file, refusing to write more than
 * `maxBytes` (the server's SIZE may be wrong, or the file may grow). Stops when
 * `signal` aborts (the browser went away). The caller owns `localPath` and
 * deletes it. Returns the bytes written.
 */
export async function spoolToFile(pool: SessionPool, remotePath: string, localPath: string, maxBytes: number, signal?: AbortSignal): Promise<number> {
  const handle = await open(localPath, "w", 0o600);
  let written = 0;
  try {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > maxBytes) return callback(new AppError("payload_too_large", `The archive is larger than ${maxBytes} bytes, the most Ferry extracts.`));
        handle.write(chunk).then(() => callback(), callback);
      },
    });
    const cancelled = () => new AppError("bad_request", "The extraction was cancelled.");
    // basic-ftp has no ABOR: failing the sink closes that connection, which the pool reopens on demand.
    const abort = () => sink.destroy(cancelled());
    signal?.addEventListener("abort", abort, { once: true });
    try {
      await pool.run((client) => {
        if (signal?.aborted) throw cancelled();
        return client.downloadTo(sink, remotePath);
      });
    } finally {
      signal?.removeEventListener("abort", abort);
    }
    return written;
  } finally {
    await handle.close();
  }
}
