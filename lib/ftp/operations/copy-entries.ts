import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { joinRemote } from "@/lib/security/remote-path";
import { failedItem, type BatchItem, type BatchRun } from "../batch";
import { copyFile } from "../copy-file";
import { assertFolderOrThrow, entryFinder } from "../find-entry";
import { isSameOrInside, splitRemote } from "../path-parts";
import type { SessionPool } from "../pool";
import { walkTree } from "../walk";
import { listDirectory } from "./list-directory";

export interface CopyOptions {
  /** "fail": an existing name in the target fails the item; "rename": copy as "name (copy).ext". */
  conflict: "fail" | "rename";
  signal?: AbortSignal;
}

/** "report.txt" → "report (copy).txt", then "report (copy 2).txt", … until free. */
export function copyName(name: string, taken: Set<string>, isDir: boolean): string {
  const dot = isDir ? -1 : name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n++) {
    const candidate = `${stem} (copy${n === 1 ? "" : ` ${n}`})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Copies files and folders into `targetDir` within the server. Folders are
 * recreated entry by entry (at most RECURSIVE_MAX_ENTRIES per folder tree); each
 * file is copied by `copyFile`. One result per entry; failures leave the rest going.
 */
export async function* copyEntries(pool: SessionPool, paths: string[], targetDir: string, options: CopyOptions): BatchRun {
  await assertFolderOrThrow(pool, targetDir);
  const taken = new Set((await listDirectory(pool, targetDir)).entries.map((e) => e.name));
  const findEntry = entryFinder(pool);
  for (const path of new Set(paths)) {
    if (options.signal?.aborted) return "aborted";
    const { name } = splitRemote(path);
    const entry = await findEntry(path).catch(() => null);
    try {
      if (!entry) throw new AppError("not_found", `${path} does not exist.`);
      if (entry.type === "dir" && isSameOrInside(targetDir, path)) throw new AppError("bad_request", "A folder cannot be copied into itself.");
      if (taken.has(name) && options.conflict === "fail") throw new AppError("conflict", `"${name}" already exists in ${targetDir}.`);
    } catch (err) {
      yield failedItem(path, err);
      continue;
    }
    const targetName = taken.has(name) ? copyName(name, taken, entry.type === "dir") : name;
    taken.add(targetName);
    const to = joinRemote(targetDir, targetName);
    if (entry.type !== "dir") {
      yield await copyOne(pool, path, to, options.signal);
      continue;
    }
    const stopped = yield* copyTree(pool, path, to, options.signal);
    if (stopped) return stopped;
  }
  return null;
}

async function* copyTree(pool: SessionPool, from: string, to: string, signal?: AbortSignal): AsyncGenerator<BatchItem, "entries" | "time" | "aborted" | null> {
  try {
    await pool.run((client) => client.send(`MKD ${to}`));
  } catch (err) {
    yield failedItem(from, err);
    return null;
  }
  yield { type: "done", path: from, kind: "dir", to };
  const walk = walkTree(from, { list: async (dir) => (await listDirectory(pool, dir)).entries, maxEntries: env().RECURSIVE_MAX_ENTRIES, signal });
  // Sub-folders that failed: nothing inside them can be copied.
  const failedDirs: string[] = [];
  for (;;) {
    const next = await walk.next();
    if (next.done) return next.value.stopped;
    const event = next.value;
    if (event.type === "unlisted") {
      yield failedItem(event.path, event.error);
      continue;
    }
    if (failedDirs.some((d) => isSameOrInside(event.path, d))) continue;
    const target = to + event.path.slice(from.length);
    if (event.entry.type !== "dir") {
      yield await copyOne(pool, event.path, target, signal);
      continue;
    }
    try {
      await pool.run((client) => client.send(`MKD ${target}`));
      yield { type: "done", path: event.path, kind: "dir", to: target };
    } catch (err) {
      failedDirs.push(event.path);
      yield failedItem(event.path, err);
    }
  }
}

async function copyOne(pool: SessionPool, from: string, to: string, signal?: AbortSignal): Promise<BatchItem> {
  try {
    const bytes = await copyFile(pool, from, to, signal);
    return { type: "done", path: from, kind: "file", to, bytes };
  } catch (err) {
    return failedItem(from, err);
  }
}
