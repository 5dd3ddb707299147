import "server-only";
import { randomBytes } from "node:crypto";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/env";
import { fileVersion } from "@/lib/ftp/file-version";
import type { SessionPool } from "@/lib/ftp/pool";
import { poolFor } from "@/lib/ftp/pools";
import { sendable, storeEmpty, storSource } from "@/lib/ftp/upload-source";
import { AppError } from "@/lib/http/errors";
import { requestBodyOf } from "@/lib/http/node-body";
import type { CreateUploadBody, UploadStatus } from "@/lib/schemas/upload";
import { assertSafeName, joinRemote, parseRemotePath } from "@/lib/security/remote-path";
import { transferGuard } from "@/lib/security/transfer-guard";
import { acquireTransferSlot } from "@/lib/security/transfer-slots";
import type { SessionRecord } from "@/lib/session/store";
import { assertMayWrite, removeQuietly, renameOnto } from "./store-atomically";
import { uploadTempPath } from "./temp-name";
import { uploadStore, type UploadRecord } from "./upload-store";

/** Upload ids: 12 random bytes in hex (also part of the temp file name). */
const idPattern = /^[0-9a-f]{24}$/;

// One request at a time per upload in this process: two chunks appended at once would interleave.
const holder = globalThis as { __ferryUploadsBusy?: Set<string> };
const busy = (holder.__ferryUploadsBusy ??= new Set<string>());

const expiryFromNow = () => Date.now() + env().UPLOAD_RESUME_HOURS * 3_600_000;

/** An empty temp file for a 0-byte upload (no chunk ever created it); storing nothing is safe to repeat once. */
async function createEmpty(pool: SessionPool, temp: string): Promise<void> {
  await storeEmpty(pool, temp).catch(() => storeEmpty(pool, temp));
}

/** Bytes the server holds of the temp file (SIZE); 0 when it is not there (APPE creates it). */
async function heldBytes(pool: SessionPool, temp: string): Promise<number> {
  return (await pool.run((client) => fileVersion(client, temp), { idempotent: true }))?.size ?? 0;
}

function statusOf(record: UploadRecord, offset: number): UploadStatus {
  return { id: record.id, dir: record.dir, name: record.name, size: record.size, offset, expiresAt: new Date(record.expiresAt).toISOString() };
}

/** Forgets an expired upload and removes its temp file. */
async function expire(pool: SessionPool, record: UploadRecord): Promise<void> {
  await uploadStore().delete(record.id);
  await removeQuietly(pool, record.temp);
  audit("upload.expired", { path: record.path });
}

/** The session's live upload `id`; 404 when unknown, another session's, or expired (its temp file is then removed). */
async function recordOrThrow(session: SessionRecord, id: string): Promise<UploadRecord> {
  if (!idPattern.test(id)) throw new AppError("bad_request", "That is not an upload id.");
  const record = await uploadStore().get(id);
  if (!record || record.sessionId !== session.id) throw new AppError("not_found", "This upload is unknown or has expired. Start it again.");
  if (record.expiresAt <= Date.now()) {
    await expire(poolFor(session), record);
    throw new AppError("not_found", `This upload expired after ${env().UPLOAD_RESUME_HOURS} hours without progress. Start it again.`);
  }
  return record;
}

/** Runs `task` while holding the upload's lock; 409 `conflict` when another request of it is running. */
async function exclusively<T>(id: string, task: () => Promise<T>): Promise<T> {
  if (busy.has(id)) throw new AppError("conflict", "Another request of this upload is still running. Wait for it, then ask for the offset.");
  busy.add(id);
  try {
    return await task();
  } finally {
    busy.delete(id);
  }
}

/**
 * Starts a resumable upload: checks the target (409 `exists` unless overwrite)
 * and stores the record; the temp file `.<name>.ferry-<id>.part` beside the
 * target is created by the first chunk. Expired uploads of the session are swept
 * (temp files removed) first.
 */
export async function createUpload(session: SessionRecord, body: CreateUploadBody): Promise<{ id: string; offset: number; chunkSize: number; expiresAt: string }> {
  const dir = parseRemotePath(body.dir, "folder");
  const name = assertSafeName(body.name);
  const max = env().UPLOAD_MAX_BYTES;
  if (max !== undefined && body.size > max) throw new AppError("payload_too_large", `The file is larger than the most Ferry accepts (${max.toLocaleString("en")} bytes).`);
  const pool = poolFor(session);
  for (const old of await uploadStore().ofSession(session.id)) if (old.expiresAt <= Date.now()) await expire(pool, old);
  if (body.mkdirs) await pool.run((client) => client.ensureDir(dir));
  const path = joinRemote(dir, name);
  await assertMayWrite(pool, path, body.overwrite === true);
  const id = randomBytes(12).toString("hex");
  const record: UploadRecord = { id, sessionId: session.id, dir, name, path, temp: uploadTempPath(dir, name, id), size: body.size, overwrite: body.overwrite === true, expiresAt: expiryFromNow() };
  // No empty temp file yet: the first APPE creates it (an empty STOR over FTPS is the one upload vsftpd
  // can refuse, see sendable), and GET answers offset 0 while it is missing.
  await uploadStore().set(record);
  return { id, offset: 0, chunkSize: env().UPLOAD_CHUNK_BYTES, expiresAt: new Date(record.expiresAt).toISOString() };
}

/** Where an upload stands: `offset` is the temp file's SIZE on the server, whatever any browser believes. */
export async function uploadStatus(session: SessionRecord, id: string): Promise<UploadStatus> {
  const record = await recordOrThrow(session, id);
  return statusOf(record, await heldBytes(poolFor(session), record.temp));
}

/** Cuts a chunk that would carry the file past its declared size. */
function capAt(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) return callback(new AppError("payload_too_large", "The chunk carries the file past the size declared when the upload started."));
      callback(null, chunk);
    },
  });
}

/**
 * Appends one chunk (the raw request body) to the temp file with APPE, after
 * checking that `offset` equals the server's SIZE (else 409 `offset_mismatch`
 * with `details.offset`). A chunk cut half way leaves what arrived on the server:
 * the browser asks for the offset and continues from there. Answers the new offset.
 */
export async function appendChunk(session: SessionRecord, id: string, offset: number, req: Request): Promise<{ offset: number }> {
  const record = await recordOrThrow(session, id);
  const pool = poolFor(session);
  return exclusively(id, async () => {
    const held = await heldBytes(pool, record.temp);
    if (offset !== held) throw new AppError("offset_mismatch", `The server holds ${held} bytes of this upload, not ${offset}. Continue from ${held}.`, { details: { offset: held } });
    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (declared > record.size - held) throw new AppError("payload_too_large", "The chunk carries the file past the size declared when the upload started.");
    const body = requestBodyOf(req);
    if (body) {
      const release = acquireTransferSlot(session);
      try {
        const guard = transferGuard();
        let bodyFailed = false;
        body.stream.once("error", () => void (bodyFailed = true));
        await pool
          .run(async (client) => {
            const appe = storSource();
            const feeding = pipeline(body.stream, capAt(record.size - held), guard, appe).catch((err: unknown) => void appe.destroy(err instanceof Error ? err : new Error(String(err))));
            await client.appendFrom(sendable(appe, client, body.release), record.temp);
            await feeding;
          })
          .catch((err: unknown) => {
            if (err instanceof AppError || !bodyFailed) throw err;
            // The browser's connection broke: what arrived is on the server, the browser asks for the offset.
            throw new AppError("bad_request", "The chunk was cut off before its end. Ask for the offset and continue from there.", { cause: err });
          });
      } finally {
        release();
      }
    }
    await uploadStore().set({ ...record, expiresAt: expiryFromNow() });
    return { offset: await heldBytes(pool, record.temp) };
  });
}

/**
 * Renames the finished temp file onto the target, after checking it holds exactly
 * the declared size (else 409 `offset_mismatch` with `details.offset`) and, unless
 * overwrite, that no file took the name meanwhile (409 `exists`; the upload stays,
 * so the browser may ask again with `overwrite`).
 */
export async function completeUpload(session: SessionRecord, id: string, overwrite: boolean): Promise<{ name: string; path: string; size: number }> {
  const record = await recordOrThrow(session, id);
  const pool = poolFor(session);
  return exclusively(id, async () => {
    const held = await heldBytes(pool, record.temp);
    if (held !== record.size) throw new AppError("offset_mismatch", `The server holds ${held} of ${record.size} bytes of this upload. Send the rest first.`, { details: { offset: held } });
    if (record.size === 0) await createEmpty(pool, record.temp);
    await renameOnto(pool, record.temp, record.path, record.overwrite || overwrite);
    await uploadStore().delete(id);
    audit("upload", { path: record.path, size: record.size, chunked: true });
    return { name: record.name, path: record.path, size: record.size };
  });
}

/** Cancels an upload: removes the temp file and forgets the record. */
export async function cancelUpload(session: SessionRecord, id: string): Promise<void> {
  const record = await recordOrThrow(session, id);
  await uploadStore().delete(id);
  await removeQuietly(poolFor(session), record.temp);
}
