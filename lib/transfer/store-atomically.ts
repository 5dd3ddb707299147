import "server-only";
import { randomBytes } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileVersion } from "@/lib/ftp/file-version";
import { splitRemote } from "@/lib/ftp/path-parts";
import type { SessionPool } from "@/lib/ftp/pool";
import { sendable, storeEmpty, storSource } from "@/lib/ftp/upload-source";
import { AppError } from "@/lib/http/errors";
import { transferGuard } from "@/lib/security/transfer-guard";
import { uploadTempPath } from "./temp-name";

/** 409 `exists` unless `overwrite`: nothing ever writes over a file the user did not mean to replace. */
export async function assertMayWrite(pool: SessionPool, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return;
  const existing = await pool.run((client) => fileVersion(client, target), { idempotent: true });
  if (existing) throw new AppError("exists", `${target} already exists. Send overwrite=1 to replace it.`, { details: { path: target, size: existing.size } });
}

/**
 * Renames a finished temp file onto its target. When overwriting, the old file is moved aside
 * to a temp name first and deleted once the new one is in place: renaming over an existing file
 * makes ext4 write the whole new file out first (`auto_da_alloc`), which kept a 1 GiB upload
 * waiting for seconds (docs/performance.md). Moving aside also serves servers that refuse RNTO
 * onto an existing file. If the new file cannot be put in place, or what was moved aside cannot
 * be deleted (a folder, which a file never replaces), everything is put back as it was. Each step
 * runs as its own pool task, so putting back works on a fresh connection if the old one died.
 */
export async function renameOnto(pool: SessionPool, temp: string, target: string, overwrite: boolean): Promise<void> {
  await assertMayWrite(pool, target, overwrite);
  const rename = (from: string, to: string) => pool.run((client) => client.rename(from, to));
  const aside = overwrite ? await moveAside(pool, target) : undefined;
  if (!aside) {
    await rename(temp, target);
    return;
  }
  try {
    await rename(temp, target);
  } catch (err) {
    await rename(aside, target).catch(() => undefined);
    throw err;
  }
  try {
    await pool.run((client) => client.remove(aside));
  } catch (err) {
    const restored = await rename(target, temp)
      .then(() => rename(aside, target))
      .then(() => true, () => false);
    const where = restored ? "What was there is back in place." : `What was there is now named ${aside}.`;
    throw new AppError("conflict", `${target} could not be replaced: the server would not delete what is there (${err instanceof Error ? err.message : String(err)}). A file cannot replace a folder; upload it under another name. ${where}`, { cause: err, details: { path: target } });
  }
}

/** Renames `target` to a hidden temp name beside it; undefined when there is none (or the server will not). */
async function moveAside(pool: SessionPool, target: string): Promise<string | undefined> {
  const { folder, name } = splitRemote(target);
  const aside = uploadTempPath(folder, name, randomBytes(8).toString("hex"));
  try {
    await pool.run((client) => client.rename(target, aside));
    return aside;
  } catch {
    return undefined;
  }
}

/** Deletes a temp file, ignoring failure (it may never have been created); on a fresh client if the old one died. */
export async function removeQuietly(pool: SessionPool, path: string): Promise<void> {
  await pool.run((client) => client.remove(path, true)).catch(() => undefined);
}

export interface StoreOptions {
  overwrite: boolean;
  /** Checked after the STOR (busboy's `file.truncated`): true means the file passed the size limit. */
  truncated?: () => boolean;
  /** Largest size allowed (bytes): more is 413 and the temp file is dropped. */
  maxBytes?: number;
  /** Called with each chunk of `source` once the data connection has written it (see sendable). */
  release?: (chunk: Buffer) => void;
}

/**
 * Stores `source` as `temp` beside `target`, then renames it onto `target`, so a
 * failed or cancelled upload never touches the old file: on any failure the temp
 * file is removed and the error rethrown. The stream passes the transfer guard
 * (idle / minimum rate). Resolves with the bytes stored.
 */
export async function storeAtomically(pool: SessionPool, source: Readable, temp: string, target: string, options: StoreOptions): Promise<number> {
  await assertMayWrite(pool, target, options.overwrite);
  const guard = transferGuard();
  let bytes = 0;
  const counter = new Transform({
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    let sourceEnded = false;
    try {
      await pool.run(async (client) => {
        // A failing source destroys the STOR's stream, which basic-ftp sees as its source failing: the STOR is cut.
        const stor = storSource();
        const feeding = pipeline(source, counter, guard, stor).then(
          () => void (sourceEnded = true),
          (err: unknown) => void stor.destroy(err instanceof Error ? err : new Error(String(err))),
        );
        // APPE, not STOR: the temp name is new either way, and a server that opens for STOR with
        // O_TRUNC on ext4 flushes the whole file when it closes it (auto_da_alloc), so the rename
        // after a 1 GiB upload waited ~0.3 s for the server's disk (docs/performance.md).
        await client.appendFrom(sendable(stor, client, options.release), temp);
        await feeding;
      });
    } catch (err) {
      // An empty file over FTPS can still lose the race with the server's TLS handshake (see sendable):
      // nothing was consumed, so storing it again is safe.
      if (!(sourceEnded && bytes === 0)) throw err;
      await storeEmpty(pool, temp);
    }
    if (options.truncated?.() || (options.maxBytes !== undefined && bytes > options.maxBytes)) {
      const limit = options.maxBytes === undefined ? "" : ` (${options.maxBytes.toLocaleString("en")} bytes)`;
      throw new AppError("payload_too_large", `The file is larger than the most Ferry accepts${limit}.`);
    }
    await renameOnto(pool, temp, target, options.overwrite);
    return bytes;
  } catch (err) {
    await removeQuietly(pool, temp);
    throw err;
  }
}
