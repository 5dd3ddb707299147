import "server-only";
import { Transform } from "node:stream";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

export interface TransferGuardOptions {
  /** No byte for this long aborts (ms). Default TRANSFER_IDLE_SECONDS (60 s). */
  idleMs?: number;
  /** Fewer bytes than this per second, averaged over each window, aborts. Default TRANSFER_MIN_BYTES_PER_SECOND (512); 0 turns it off. */
  minBytesPerSecond?: number;
  /** Length of the averaging window (ms). Default 60 000. */
  windowMs?: number;
}

/**
 * A pass-through stream that aborts a transfer that stalls or crawls, so a
 * stalled or very slow browser (or server) cannot hold an FTP connection
 * forever. Put it anywhere in the pipeline: `pipeline(source, transferGuard(), sink)`.
 * Backpressure stops the flow through it whichever end is slow, so it sees a
 * browser that stopped reading as well as one that stopped sending. It fails
 * with a 504 `timeout` AppError, which `pipeline` passes to both ends (the
 * FTP side is closed by basic-ftp, the HTTP side destroyed).
 */
export function transferGuard(options: TransferGuardOptions = {}): Transform {
  const idleMs = options.idleMs ?? env().TRANSFER_IDLE_SECONDS * 1000;
  const minRate = options.minBytesPerSecond ?? env().TRANSFER_MIN_BYTES_PER_SECOND;
  const windowMs = options.windowMs ?? 60_000;
  let lastByteAt = Date.now();
  let windowBytes = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      lastByteAt = Date.now();
      windowBytes += chunk.length;
      callback(null, chunk);
    },
  });
  const fail = (message: string) => guard.destroy(new AppError("timeout", message));
  const idleTimer = setInterval(() => {
    if (Date.now() - lastByteAt >= idleMs) fail(`The transfer stalled: no data moved for ${Math.round(idleMs / 1000)} seconds.`);
  }, Math.max(10, Math.min(1000, idleMs / 4)));
  const rateTimer = setInterval(() => {
    if (minRate > 0 && windowBytes < (minRate * windowMs) / 1000) fail(`The transfer was slower than ${minRate} bytes per second and was stopped.`);
    windowBytes = 0;
  }, windowMs);
  idleTimer.unref();
  rateTimer.unref();
  guard.once("close", () => {
    clearInterval(idleTimer);
    clearInterval(rateTimer);
  });
  return guard;
}
