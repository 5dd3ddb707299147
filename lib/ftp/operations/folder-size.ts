import "server-only";
import { env } from "@/lib/env";
import type { FolderSize } from "@/lib/schemas/file-operations";
import type { SessionPool } from "../pool";
import { walkTree } from "../walk";
import { listDirectory } from "./list-directory";

/**
 * Adds up the sizes of all files below a folder (links are not followed).
 * Bounded by FOLDER_SIZE_MAX_ENTRIES and FOLDER_SIZE_MAX_SECONDS, and stops when
 * `signal` aborts: the answer is then a partial total with `stopped` set.
 */
export async function folderSize(pool: SessionPool, path: string, signal?: AbortSignal): Promise<FolderSize> {
  const settings = env();
  const total: FolderSize = { path, bytes: 0, files: 0, folders: 0, unreadable: 0, stopped: null };
  const walk = walkTree(path, {
    list: async (dir) => (await listDirectory(pool, dir)).entries,
    maxEntries: settings.FOLDER_SIZE_MAX_ENTRIES,
    deadline: Date.now() + settings.FOLDER_SIZE_MAX_SECONDS * 1000,
    signal,
  });
  for (;;) {
    const next = await walk.next();
    if (next.done) return { ...total, stopped: next.value.stopped };
    const event = next.value;
    if (event.type === "unlisted") total.unreadable++;
    else if (event.entry.type === "dir") total.folders++;
    else if (event.entry.type === "file") {
      total.files++;
      total.bytes += event.entry.size ?? 0;
    }
  }
}
