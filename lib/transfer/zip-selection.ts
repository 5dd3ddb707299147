import "server-only";
import { toAppError } from "@/lib/ftp/errors";
import { listDirectory } from "@/lib/ftp/operations/list-directory";
import type { SessionPool } from "@/lib/ftp/pool";
import { walkTree } from "@/lib/ftp/walk";
import { AppError } from "@/lib/http/errors";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { joinRemote } from "@/lib/security/remote-path";

/** One file or folder of a zip download. */
export interface ZipItem {
  /** Absolute remote path. */
  path: string;
  /** Name inside the archive, relative to the zipped folder (`a/b.txt`). */
  name: string;
  type: "file" | "dir";
  /** Bytes from the listing; null when the server did not say. */
  size: number | null;
  mtime: Date | undefined;
  /** Unix mode with its file-type bits, when the listing has permissions. */
  mode: number | undefined;
}

/** A name as a zip reader will accept it: `\` would become a folder separator, `C:` a drive. */
function archiveSegment(name: string): string {
  return name.replace(/\\/g, "_").replace(/^([A-Za-z]):/, "$1_");
}

function itemOf(entry: RemoteEntry, path: string, name: string): ZipItem | null {
  if (entry.type !== "file" && entry.type !== "dir") return null; // links are never followed; devices have no bytes
  const perms = entry.permissions ? parseInt(entry.permissions, 8) & 0o777 : undefined;
  const mtime = entry.modifiedAt ? new Date(entry.modifiedAt) : undefined;
  const typeBits = entry.type === "dir" ? 0o040000 : 0o100000;
  return { path, name, type: entry.type, size: entry.type === "file" ? entry.size : null, mtime, mode: perms === undefined ? undefined : typeBits | perms };
}

/**
 * What a zip of `names` in `dir` (all of `dir` when `names` is null) holds: the
 * files and folders, folders walked recursively (links skipped, never followed).
 * Walked in full before the first byte is sent, so a missing name (404), an
 * unreadable subfolder, or a tree larger than `maxEntries` (413) is a clean
 * error instead of a broken archive, and the archive's size can be announced.
 */
export async function collectZipItems(pool: SessionPool, dir: string, names: string[] | null, maxEntries: number): Promise<ZipItem[]> {
  const top = (await listDirectory(pool, dir)).entries;
  const chosen = names === null ? top : names.map((name) => top.find((e) => e.name === name) ?? missing(dir, name));
  const items: ZipItem[] = [];
  const tooMany = () => new AppError("payload_too_large", `The selection holds more than ${maxEntries.toLocaleString("en")} files and folders, more than Ferry zips at once. Zip smaller parts.`);
  for (const entry of chosen) {
    const path = joinRemote(dir, entry.name);
    const item = itemOf(entry, path, archiveSegment(entry.name));
    if (!item) continue;
    if (items.length >= maxEntries) throw tooMany();
    items.push(item);
    if (item.type !== "dir") continue;
    const walk = walkTree(path, { list: async (d) => (await listDirectory(pool, d)).entries, maxEntries: maxEntries - items.length });
    for (;;) {
      const step = await walk.next();
      if (step.done) {
        if (step.value.stopped === "entries") throw tooMany();
        break;
      }
      const event = step.value;
      if (event.type === "unlisted") throw toAppError(event.error);
      const relative = event.path.slice(path.length + 1).split("/").map(archiveSegment).join("/");
      const child = itemOf(event.entry, event.path, `${item.name}/${relative}`);
      if (child) items.push(child);
    }
  }
  return items;
}

function missing(dir: string, name: string): never {
  throw new AppError("not_found", `${name} is not in ${dir}.`);
}
