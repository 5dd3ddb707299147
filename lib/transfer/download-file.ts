import "server-only";
import { once } from "node:events";
import { audit } from "@/lib/audit/audit-log";
import { toAppError } from "@/lib/ftp/errors";
import { BlockPool } from "@/lib/ftp/block-data-socket";
import { fileVersion, type FileVersion } from "@/lib/ftp/file-version";
import { splitRemote } from "@/lib/ftp/path-parts";
import { poolFor } from "@/lib/ftp/pools";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { AppError } from "@/lib/http/errors";
import type { NodeBody } from "@/lib/http/node-body";
import { parseByteRange, type ByteRange } from "@/lib/preview/byte-range";
import { transferGuard } from "@/lib/security/transfer-guard";
import { acquireTransferSlot } from "@/lib/security/transfer-slots";
import type { SessionRecord } from "@/lib/session/store";
import { retrInto, ShortRead } from "./retr-into";

export interface DownloadAnswer {
  status: 200 | 206;
  headers: Record<string, string>;
  /** Null for HEAD. */
  body: NodeBody | null;
}

/** A strong validator of this version of the file (size + MDTM), for If-Range and download managers. */
function etagOf(found: FileVersion): string {
  return `"${found.size.toString(36)}-${found.modifiedAt ? Date.parse(found.modifiedAt).toString(36) : "0"}"`;
}

/** If-Range (RFC 9110 §13.1.5): the Range applies only when the validator still names this version. */
function rangeStillValid(ifRange: string | null, etag: string, lastModified: string | null): boolean {
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith("W/")) return ifRange === etag;
  return lastModified !== null && ifRange === lastModified;
}

/**
 * Headers, status and (for GET) the streamed body of an attachment download,
 * with Range support: `bytes=N-` and `bytes=N-M` answer 206 (REST + RETR), an
 * unsatisfiable range 416. The body is a RETR on a pooled client held for the
 * whole transfer, under a transfer slot and the idle/min-rate guard. If the FTP
 * side fails half way the body errors (never ends cleanly); if the browser goes
 * away the RETR stops and the client is closed (the pool reconnects lazily).
 */
export async function openDownload(session: SessionRecord, path: string, req: Request): Promise<DownloadAnswer> {
  const pool = poolFor(session);
  const found = await pool.run((client) => fileVersion(client, path), { idempotent: true });
  if (!found) throw new AppError("not_found", `${path} does not exist.`);
  const { size } = found;
  const etag = etagOf(found);
  const lastModified = found.modifiedAt ? new Date(found.modifiedAt).toUTCString() : null;
  const asked = rangeStillValid(req.headers.get("if-range"), etag, lastModified) ? parseByteRange(req.headers.get("range"), size) : null;
  if (asked === "unsatisfiable") {
    throw new AppError("range_not_satisfiable", "The requested part of the file lies beyond its end.", { headers: { "content-range": `bytes */${size}` } });
  }
  const range: ByteRange = asked ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : range.end - range.start + 1;
  const headers: Record<string, string> = {
    "content-type": "application/octet-stream",
    "content-disposition": attachmentDisposition(splitRemote(path).name),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store, no-transform",
    "accept-ranges": "bytes",
    etag,
    // Next drops Content-Length from route handlers; scripts/server.mjs restores it from this header.
    "x-ferry-content-length": String(length),
  };
  if (lastModified) headers["last-modified"] = lastModified;
  if (asked) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  const status = asked ? 206 : 200;
  if (req.method === "HEAD") return { status, headers, body: null };
  return { status, headers, body: await streamRetr(session, path, range.start, length, range.end < size - 1, req.signal) };
}

/** Starts the RETR and resolves once it is under way (first byte, or the end of an empty read). */
async function streamRetr(session: SessionRecord, path: string, start: number, length: number, stopAtLength: boolean, signal: AbortSignal): Promise<NodeBody> {
  const release = acquireTransferSlot(session);
  const blocks = new BlockPool();
  const out = transferGuard();
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    out.destroy(new Error("The browser stopped the download."));
  };
  signal.addEventListener("abort", cancel, { once: true });
  const transfer =
    length === 0
      ? Promise.resolve(0)
      : poolFor(session).run((client) => retrInto(client, path, out, { start, length, stopAtLength, blocks }));
  const finished = transfer.then(
    (bytes) => {
      out.end();
      audit("download", { path, start, bytes, outcome: "complete" });
    },
    (err: unknown) => {
      const error = err instanceof ShortRead ? new AppError("connection_lost", err.message, { cause: err }) : toAppError(err);
      out.destroy(error);
      audit("download", { path, start, outcome: cancelled ? "cancelled" : "failed", reason: error.code }, "warn");
      throw error;
    },
  );
  void finished.catch(() => undefined).finally(release);
  // A RETR refused before its first byte (550, 425) is still a JSON error, not a broken download.
  const underWay = once(out, "readable").then(() => undefined);
  try {
    await Promise.race([underWay, finished]);
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { stream: out, cancel, release: blocks.give };
}
