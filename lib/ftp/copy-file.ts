import "server-only";
import { randomBytes } from "node:crypto";
import { PassThrough, Writable } from "node:stream";
import { AppError } from "@/lib/http/errors";
import { joinRemote } from "@/lib/security/remote-path";
import { splitRemote } from "./path-parts";
import type { SessionPool } from "./pool";
import { serverCapabilities } from "./server-capabilities";
import { sendable } from "./upload-source";

// One streamed copy at a time per session: a copy holds one pooled client while it
// waits for a second, and two copies doing that at once could wait on each other forever.
const copyLocks = new WeakMap<SessionPool, Promise<unknown>>();

function serialized<T>(pool: SessionPool, task: () => Promise<T>): Promise<T> {
  const previous = copyLocks.get(pool) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  copyLocks.set(pool, next.catch(() => undefined));
  return next;
}

/** A name beside `path` for writing before the rename onto it. */
export function tempNameFor(path: string): string {
  const { folder, name } = splitRemote(path);
  return joinRemote(folder, `.${name.slice(0, 100)}.ferry-${randomBytes(4).toString("hex")}.part`);
}

/**
 * Copies one file within the server: with SITE CPFR/CPTO where offered, otherwise
 * RETR on one pooled client feeding STOR on another, with backpressure and no
 * buffering beyond a stream's high-water mark. Writes to a temporary name and renames
 * it onto `to`, so a failed copy leaves no half file. Returns the bytes streamed (0 for CPFR).
 */
export async function copyFile(pool: SessionPool, from: string, to: string, signal?: AbortSignal): Promise<number> {
  if ((await serverCapabilities(pool)).siteCopy) {
    await pool.run(async (client) => {
      await client.send(`SITE CPFR ${from}`);
      await client.send(`SITE CPTO ${to}`);
    });
    return 0;
  }
  if (pool.limit < 2) throw new AppError("not_supported", "Copying needs two connections to the server, and Ferry is limited to one for it.");
  const temp = tempNameFor(to);
  try {
    const bytes = await serialized(pool, () => pool.run((download) => pool.run(async (upload) => pipeRetrToStor(download, upload, from, temp, signal))));
    await pool.run((client) => client.rename(temp, to));
    return bytes;
  } catch (err) {
    await pool.run((client) => client.remove(temp, true)).catch(() => undefined);
    throw err;
  }
}

type FtpClient = Parameters<Parameters<SessionPool["run"]>[0]>[0];

async function pipeRetrToStor(download: FtpClient, upload: FtpClient, from: string, to: string, signal?: AbortSignal): Promise<number> {
  let bytes = 0;
  const pass = new PassThrough();
  // basic-ftp ends its destination even when RETR fails: this sink forwards data but never
  // ends `pass` itself, so STOR completes only once RETR has really succeeded.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (pass.write(chunk)) callback();
      else pass.once("drain", () => callback());
    },
    final(callback) {
      callback();
    },
  });
  // Whichever side fails first is the cause; the other side's failure is its echo.
  let cause: unknown;
  const fail = (err: unknown) => {
    cause ??= err;
    return err instanceof Error ? err : new Error(String(err));
  };
  const abort = () => sink.destroy(fail(new AppError("bad_request", "The copy was cancelled.")));
  signal?.addEventListener("abort", abort, { once: true });
  try {
    const stored = upload.uploadFrom(sendable(pass, upload), to);
    // A refused STOR must stop RETR too, or it would wait for a reader forever.
    stored.catch((err: unknown) => sink.destroy(fail(err)));
    const retrieved = download.downloadTo(sink, from).then(
      () => pass.end(),
      (err: unknown) => {
        pass.destroy(fail(err));
        throw err;
      },
    );
    const results = await Promise.allSettled([retrieved, stored]);
    if (results.some((r) => r.status === "rejected")) throw cause;
    return bytes;
  } finally {
    signal?.removeEventListener("abort", abort);
  }
}
