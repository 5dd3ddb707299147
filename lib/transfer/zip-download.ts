import "server-only";
import { PassThrough, pipeline } from "node:stream";
import { ZipFile } from "yazl";
import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/env";
import { toAppError } from "@/lib/ftp/errors";
import { poolFor } from "@/lib/ftp/pools";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { transferGuard } from "@/lib/security/transfer-guard";
import { acquireTransferSlot } from "@/lib/security/transfer-slots";
import type { SessionRecord } from "@/lib/session/store";
import type { NodeBody } from "@/lib/http/node-body";
import { retrInto } from "./retr-into";
import { collectZipItems, type ZipItem } from "./zip-selection";

export interface ZipAnswer {
  headers: Record<string, string>;
  body: NodeBody;
}

type StreamCallback = (err: Error | null, stream: NodeJS.ReadableStream) => void;

/** Promise.withResolvers, which Node 20 lacks. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A zip of `names` in `dir` (or all of `dir`), streamed while it is built: no
 * temporary file, ZIP64 past 4 GiB and UTF-8 names (both automatic in yazl),
 * at most ZIP_MAX_ENTRIES entries. Entries are stored, not deflated: FTP
 * transfers are network-bound, most big files are compressed already, and a
 * stored zip of known sizes has a size known up front (Content-Length, so the
 * browser shows progress).
 *
 * One pooled client does everything, in order: first the walk (listings), then
 * every RETR, one file after another as yazl asks for it. A second client
 * reading while the first walks would gain little (the walk is short next to the
 * bytes) and would take a connection that shared hosts count against a small
 * per-user limit; walking first also turns a missing file or an over-large tree
 * into a clean error before the first byte.
 */
export async function openZipDownload(session: SessionRecord, dir: string, names: string[] | null, zipName: string, signal: AbortSignal): Promise<ZipAnswer> {
  const release = acquireTransferSlot(session);
  let items: ZipItem[];
  try {
    items = await collectZipItems(poolFor(session), dir, names, env().ZIP_MAX_ENTRIES);
  } catch (err) {
    release();
    throw err;
  }

  const zip = new ZipFile();
  const out = transferGuard();
  const files = items.filter((i) => i.type === "file");
  // Each file's stream is asked for by yazl when it reaches that entry; the reader below answers in order.
  const asks = files.map(() => deferred<StreamCallback>());
  let fileIndex = 0;
  for (const item of items) {
    const options = { mtime: item.mtime, mode: item.mode };
    if (item.type === "dir") {
      zip.addEmptyDirectory(item.name, options);
    } else {
      const ask = asks[fileIndex++]!;
      zip.addReadStreamLazy(item.name, { ...options, compress: false, ...(item.size === null ? {} : { size: item.size }) }, (cb) => ask.resolve(cb));
    }
  }
  let total = -1;
  // @types/yazl declares the size callback without its argument; yazl calls it (synchronously here) with the size, or -1.
  (zip.end as (options: object, onSize: (size: number) => void) => void).call(zip, {}, (size) => void (total = size));
  pipeline(zip.outputStream, out, () => undefined);
  zip.on("error", (err: Error) => out.destroy(toAppError(err)));

  let current: PassThrough | undefined;
  const gone = deferred<never>();
  out.once("close", () => {
    current?.destroy();
    gone.reject(new Error("The zip stream ended."));
  });
  gone.promise.catch(() => undefined);
  const cancel = () => out.destroy(new Error("The browser stopped the download."));
  signal.addEventListener("abort", cancel, { once: true });

  const reading = files.length === 0
    ? Promise.resolve()
    : poolFor(session).run(async (client) => {
        for (const [i, file] of files.entries()) {
          const cb = await Promise.race([asks[i]!.promise, gone.promise]);
          current = new PassThrough({ highWaterMark: 256 * 1024 });
          cb(null, current);
          await retrInto(client, file.path, current, file.size === null ? {} : { length: file.size });
          current.end();
        }
      });
  reading.then(
    () => audit("download.zip", { dir, entries: items.length, outcome: "complete" }),
    (err: unknown) => {
      const error = toAppError(err);
      out.destroy(error);
      audit("download.zip", { dir, entries: items.length, outcome: out.writableFinished ? "failed" : "stopped", reason: error.code }, "warn");
    },
  );
  // The slot is free once the reader stopped and the last byte left (or the stream was dropped).
  void Promise.allSettled([reading, new Promise((resolve) => out.once("close", resolve))]).then(release);

  const headers: Record<string, string> = {
    "content-type": "application/zip",
    "content-disposition": attachmentDisposition(zipName),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store, no-transform",
  };
  if (total >= 0) headers["x-ferry-content-length"] = String(total);
  return { headers, body: { stream: out, cancel } };
}
