import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { failedItem, refusedItem, type BatchItem, type BatchRun } from "../batch";
import { entryFinder } from "../find-entry";
import { isSameOrInside, splitRemote } from "../path-parts";
import type { SessionPool } from "../pool";
import { walkTree, type WalkEvent, type WalkResult } from "../walk";
import { listDirectory } from "./list-directory";

export interface DeleteOptions {
  /** Stops the run between two entries (the browser went away). */
  signal?: AbortSignal;
}

/**
 * Deletes files and folders, folders with everything inside (deepest first).
 * One result per entry removed or refused; a folder with a refused entry inside
 * is left in place and reported, and the rest goes on. Stops after
 * RECURSIVE_MAX_ENTRIES entries of one tree.
 */
export async function* deleteEntries(pool: SessionPool, paths: string[], options: DeleteOptions = {}): BatchRun {
  const findEntry = entryFinder(pool);
  // Folders already handled: a selected path inside one was reported by its folder's walk.
  const trees: string[] = [];
  for (const path of new Set(paths)) {
    if (options.signal?.aborted) return "aborted";
    if (trees.some((tree) => isSameOrInside(path, tree))) continue;
    if (path === "/") {
      yield failedItem(path, new AppError("bad_request", "The root folder cannot be deleted."));
      continue;
    }
    let entry: RemoteEntry | null;
    try {
      entry = await findEntry(path);
    } catch (err) {
      yield failedItem(path, err);
      continue;
    }
    if (!entry) {
      yield failedItem(path, new AppError("not_found", `${splitRemote(path).name} does not exist (it may have been deleted already).`));
      continue;
    }
    if (entry.type !== "dir") {
      yield await removeOne(pool, path, entry.type);
      continue;
    }
    trees.push(path);
    const stopped = yield* deleteTree(pool, path, options);
    if (stopped) return stopped;
  }
  return null;
}

/** Empties and removes one folder; returns why it stopped early, or null. */
async function* deleteTree(pool: SessionPool, root: string, options: DeleteOptions): AsyncGenerator<BatchItem, "entries" | "time" | "aborted" | null> {
  // Folders with a failure somewhere inside: removing them would fail anyway, and say less.
  const blocked = new Set<string>();
  const reported = new Set<string>();
  const block = (path: string) => {
    for (let p = splitRemote(path).folder; p.length >= root.length; p = splitRemote(p).folder) {
      blocked.add(p);
      if (p === "/") break;
    }
  };
  const walk = walkTree(root, {
    list: async (dir) => (await listDirectory(pool, dir)).entries,
    order: "post",
    maxEntries: env().RECURSIVE_MAX_ENTRIES,
    signal: options.signal,
  });
  for (;;) {
    let next: IteratorResult<WalkEvent, WalkResult>;
    try {
      next = await walk.next();
    } catch (err) {
      // The folder itself could not be listed.
      yield failedItem(root, err);
      return null;
    }
    if (next.done) {
      if (next.value.stopped) return next.value.stopped;
      break;
    }
    const event = next.value;
    if (event.type === "unlisted") {
      block(event.path);
      reported.add(event.path);
      yield failedItem(event.path, event.error);
      continue;
    }
    if (reported.has(event.path)) continue;
    if (blocked.has(event.path)) {
      if (event.entry.type === "dir") yield failedItem(event.path, new AppError("conflict", "Some items inside this folder could not be deleted."));
      continue;
    }
    const result = await removeOne(pool, event.path, event.entry.type);
    if (result.type === "failed") block(event.path);
    yield result;
  }
  if (blocked.has(root)) {
    yield failedItem(root, new AppError("conflict", "Some items inside this folder could not be deleted."));
    return null;
  }
  yield await removeOne(pool, root, "dir");
  return null;
}

async function removeOne(pool: SessionPool, path: string, kind: RemoteEntry["type"]): Promise<BatchItem> {
  try {
    // Never retried: a DELE that reached the server before the connection died may have worked.
    await pool.run((client) => (kind === "dir" ? client.removeEmptyDir(path) : client.remove(path)));
    return { type: "done", path, kind };
  } catch (err) {
    return refusedItem(path, err, "delete");
  }
}
