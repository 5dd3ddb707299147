import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { joinRemote } from "@/lib/security/remote-path";
import { openZip } from "@/lib/zip/open-zip";
import { planExtraction } from "@/lib/zip/plan-extraction";
import { failedItem, type BatchRun } from "../batch";
import { tempNameFor } from "../copy-file";
import { assertFolderOrThrow } from "../find-entry";
import { fileVersion } from "../file-version";
import type { SessionPool } from "../pool";
import { spoolToFile } from "../spool-to-file";
import { sendable } from "../upload-source";
import { listDirectory } from "./list-directory";

/**
 * "Extract here": spools the zip to a bounded temporary file, checks every entry
 * (names, links, entry count, total size, compression ratio) before writing
 * anything, then creates its folders and streams its files to the server (each to
 * a temporary name, then renamed). Existing names are never overwritten: such
 * entries are reported as failed. Refused entries come first, with the name as
 * stored in the archive as `path`; created ones carry their remote path.
 */
export async function* extractZip(pool: SessionPool, zipPath: string, targetDir: string, signal?: AbortSignal): BatchRun {
  const settings = env();
  await assertFolderOrThrow(pool, targetDir);
  const version = await pool.run((client) => fileVersion(client, zipPath), { idempotent: true });
  if (!version) throw new AppError("not_found", `${zipPath} does not exist.`);
  if (version.size > settings.EXTRACT_MAX_ZIP_BYTES) {
    throw new AppError("payload_too_large", `The archive is larger than ${settings.EXTRACT_MAX_ZIP_BYTES} bytes, the most Ferry extracts.`);
  }
  const spoolDir = await mkdtemp(join(tmpdir(), "ferry-extract-"));
  try {
    const local = join(spoolDir, "archive.zip");
    await spoolToFile(pool, zipPath, local, settings.EXTRACT_MAX_ZIP_BYTES, signal);
    const zip = await openZip(local, settings.EXTRACT_MAX_ENTRIES);
    try {
      const plan = planExtraction(zip.infos, { maxEntries: settings.EXTRACT_MAX_ENTRIES, maxTotalBytes: settings.EXTRACT_MAX_TOTAL_BYTES, maxRatio: settings.EXTRACT_MAX_RATIO });
      for (const r of plan.refused) yield failedItem(r.name, new AppError("invalid_name", r.reason));

      // What already exists, one listing per folder, so nothing is overwritten. A folder
      // that cannot be listed fails its entries rather than counting as empty.
      const existing = new Map<string, Map<string, string>>();
      const namesIn = async (dir: string) => {
        let names = existing.get(dir);
        if (!names) {
          names = new Map((await listDirectory(pool, dir)).entries.map((e) => [e.name, e.type]));
          existing.set(dir, names);
        }
        return names;
      };
      // Folders that could not be created: what belongs inside them fails too, and says why.
      const blocked: string[] = [];
      const blockerOf = (rel: string) => blocked.find((b) => rel.startsWith(`${b}/`));
      const insideBlocked = (path: string, blocker: string) => failedItem(path, new AppError("conflict", `Not extracted: the folder ${remoteOf(blocker)} could not be created.`));
      const remoteOf = (rel: string) => rel.split("/").reduce((dir, name) => joinRemote(dir, name), targetDir);
      const parentOf = (rel: string) => (rel.includes("/") ? remoteOf(rel.slice(0, rel.lastIndexOf("/"))) : targetDir);

      for (const rel of plan.dirs) {
        if (signal?.aborted) return "aborted";
        const path = remoteOf(rel);
        const dirBlocker = blockerOf(rel);
        if (dirBlocker) {
          blocked.push(rel);
          yield insideBlocked(path, dirBlocker);
          continue;
        }
        try {
          const type = (await namesIn(parentOf(rel))).get(rel.slice(rel.lastIndexOf("/") + 1));
          if (type === "dir") continue;
          if (type) throw new AppError("conflict", "A file with this name already exists.");
          await pool.run((client) => client.send(`MKD ${path}`));
          existing.set(path, new Map());
          yield { type: "done", path, kind: "dir" };
        } catch (err) {
          blocked.push(rel);
          yield failedItem(path, err);
        }
      }
      for (const file of plan.files) {
        if (signal?.aborted) return "aborted";
        const path = remoteOf(file.path);
        const fileBlocker = blockerOf(file.path);
        if (fileBlocker) {
          yield insideBlocked(path, fileBlocker);
          continue;
        }
        try {
          if ((await namesIn(parentOf(file.path))).has(file.path.slice(file.path.lastIndexOf("/") + 1))) {
            throw new AppError("conflict", "A file or folder with this name already exists; it was left as it was.");
          }
        } catch (err) {
          yield failedItem(path, err);
          continue;
        }
        const temp = tempNameFor(path);
        let damaged: unknown;
        try {
          const source = await zip.openEntry(file.index);
          // yauzl errors the stream when the data disagrees with the directory (CRC, a lying size).
          source.once("error", (err) => (damaged = err));
          await pool.run((client) => client.uploadFrom(sendable(source, client), temp));
          await pool.run((client) => client.rename(temp, path));
          yield { type: "done", path, kind: "file", bytes: file.size };
        } catch (err) {
          await pool.run((client) => client.remove(temp, true)).catch(() => undefined);
          yield failedItem(path, damaged ? new AppError("unprocessable", "This entry is damaged: its data does not match the archive.", { cause: damaged }) : err);
        }
      }
      return null;
    } finally {
      zip.close();
    }
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}
