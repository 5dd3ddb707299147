import "server-only";
import { AppError } from "@/lib/http/errors";
import { joinRemote } from "@/lib/security/remote-path";
import { failedItem, refusedItem, type BatchRun } from "../batch";
import { assertFolderOrThrow, entryFinder } from "../find-entry";
import { isSameOrInside, splitRemote } from "../path-parts";
import type { SessionPool } from "../pool";
import { listDirectory } from "./list-directory";

/**
 * Moves files and folders into `targetDir` with RNFR/RNTO, one result per item.
 * An existing name in the target fails that item (409) instead of being replaced;
 * a folder cannot move into itself. 404 before anything when the target is no folder.
 */
export async function* moveEntries(pool: SessionPool, paths: string[], targetDir: string, signal?: AbortSignal): BatchRun {
  await assertFolderOrThrow(pool, targetDir);
  // One listing of the target for all items; updated as items arrive.
  const taken = new Set((await listDirectory(pool, targetDir)).entries.map((e) => e.name));
  const findEntry = entryFinder(pool);
  const movedFolders: string[] = [];
  for (const path of new Set(paths)) {
    if (signal?.aborted) return "aborted";
    const { folder, name } = splitRemote(path);
    try {
      if (path === "/") throw new AppError("bad_request", "The root folder cannot be moved.");
      if (folder === targetDir) throw new AppError("bad_request", `"${name}" is already in ${targetDir}.`);
      if (isSameOrInside(targetDir, path)) throw new AppError("bad_request", "A folder cannot be moved into itself.");
      if (movedFolders.some((moved) => isSameOrInside(path, moved))) throw new AppError("bad_request", `"${name}" was moved with its folder.`);
      const entry = await findEntry(path);
      if (!entry) throw new AppError("not_found", `${name} does not exist.`);
      if (taken.has(name)) throw new AppError("conflict", `"${name}" already exists in ${targetDir}.`);
      const to = joinRemote(targetDir, name);
      try {
        await pool.run((client) => client.rename(path, to));
      } catch (err) {
        yield refusedItem(path, err, "move");
        continue;
      }
      taken.add(name);
      if (entry.type === "dir") movedFolders.push(path);
      yield { type: "done", path, kind: entry.type, to };
    } catch (err) {
      yield failedItem(path, err);
    }
  }
  return null;
}
