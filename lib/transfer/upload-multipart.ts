import "server-only";
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/env";
import { poolFor } from "@/lib/ftp/pools";
import { AppError } from "@/lib/http/errors";
import { requestBodyOf } from "@/lib/http/node-body";
import { assertSafeName, joinRemote } from "@/lib/security/remote-path";
import { acquireTransferSlot } from "@/lib/security/transfer-slots";
import type { SessionRecord } from "@/lib/session/store";
import { storeAtomically } from "./store-atomically";
import { uploadTempPath } from "./temp-name";

export interface UploadedFile {
  name: string;
  path: string;
  size: number;
}

export interface MultipartOptions {
  overwrite: boolean;
  /** Create `dir` (and its parents) first. */
  mkdirs: boolean;
}

/**
 * Stores each file part of a multipart/form-data request into `dir`, streamed by
 * busboy straight into STOR (never `request.formData()`, which buffers the whole
 * body), one file after another, each to a temp name then renamed (see
 * storeAtomically). A part's file name is its name: CR, LF, NUL, `/`, `.` or `..`
 * are 400 `invalid_name`. A file past UPLOAD_MAX_BYTES is 413 and not kept (busboy
 * stops one byte past the limit and flags `truncated`, so the excess never reaches FTP).
 * The first failure stops the request; files stored before it stay.
 */
export async function uploadMultipart(session: SessionRecord, req: Request, dir: string, options: MultipartOptions): Promise<UploadedFile[]> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new AppError("unsupported_media_type", "Send the files as multipart/form-data.");
  const body = requestBodyOf(req);
  if (!body) throw new AppError("bad_request", "The request has no body.");
  const maxBytes = env().UPLOAD_MAX_BYTES;
  const pool = poolFor(session);
  const release = acquireTransferSlot(session);
  try {
    if (options.mkdirs) await pool.run((client) => client.ensureDir(dir));
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": type }, defParamCharset: "utf8", preservePath: true, highWaterMark: 1024 * 1024, fileHwm: 1024 * 1024, limits: { fileSize: maxBytes === undefined ? Infinity : maxBytes + 1 } });
    } catch (err) {
      throw new AppError("bad_request", "The multipart body is malformed.", { cause: err });
    }
    const stored: UploadedFile[] = [];
    let failure: unknown;
    let current: Readable | undefined;
    let work = Promise.resolve();
    parser.on("file", (_field, file, info) => {
      // busboy destroys the part with the body's error when the request breaks; whoever reads it
      // (the STOR) sees that, and a part nobody reads any more must not crash the process.
      file.on("error", () => undefined);
      work = work.then(async () => {
        if (failure !== undefined) return void file.resume();
        // A file input left empty sends a part with no name and no bytes.
        if (info.filename === undefined || info.filename === "") return void file.resume();
        try {
          const name = assertSafeName(info.filename);
          const path = joinRemote(dir, name);
          current = file;
          const size = await storeAtomically(pool, file, uploadTempPath(dir, name, randomBytes(8).toString("hex")), path, { overwrite: options.overwrite, truncated: () => file.truncated === true, maxBytes, release: body.release });
          stored.push({ name, path, size });
          audit("upload", { path, size });
        } catch (err) {
          failure = err;
          // Stop reading the rest of the body: it would only be thrown away.
          body.stream.destroy();
          file.resume();
        } finally {
          current = undefined;
        }
      });
    });
    try {
      await pipeline(body.stream, parser);
    } catch (err) {
      // The browser went away (or the body broke): the file being stored must fail too, not wait for bytes.
      // (destroyed without an error: nobody may be listening for one any more; the STOR sees a premature close)
      current?.destroy();
      failure ??= err instanceof AppError ? err : new AppError("bad_request", "The upload was interrupted or its body is malformed.", { cause: err });
    }
    await work;
    if (failure !== undefined) throw failure;
    return stored;
  } finally {
    release();
  }
}
