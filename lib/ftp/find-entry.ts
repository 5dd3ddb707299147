import "server-only";
import { AppError } from "@/lib/http/errors";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { listDirectory } from "./operations/list-directory";
import { splitRemote } from "./path-parts";
import type { SessionPool } from "./pool";

const rootEntry: RemoteEntry = { name: "/", type: "dir", size: null, modifiedAt: null, rawModifiedAt: null, permissions: null, owner: null, group: null, target: null };

/**
 * Finds one entry by listing its folder. Listing is the only check that works on
 * every server: SIZE fails on folders, MLST is missing on vsftpd and ftp-srv, and
 * RNTO or MKD on many servers overwrite or succeed silently when the name exists.
 * Returns null when the entry (or its folder) does not exist.
 */
export async function findEntry(pool: SessionPool, path: string): Promise<RemoteEntry | null> {
  if (path === "/") return rootEntry;
  const { folder, name } = splitRemote(path);
  try {
    const listing = await listDirectory(pool, folder);
    return listing.entries.find((e) => e.name === name) ?? null;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
}

/**
 * `findEntry` for a batch of paths: each folder is listed once and its listing
 * kept for the batch, so selecting 500 files of one folder costs one listing, not 500.
 */
export function entryFinder(pool: SessionPool): (path: string) => Promise<RemoteEntry | null> {
  const listings = new Map<string, Promise<RemoteEntry[] | null>>();
  return async (path) => {
    if (path === "/") return rootEntry;
    const { folder, name } = splitRemote(path);
    let listing = listings.get(folder);
    if (!listing) {
      listing = listDirectory(pool, folder).then(
        (l) => l.entries,
        (err: unknown) => {
          if (err instanceof AppError && err.code === "not_found") return null;
          // A failed listing is not kept: the next path of that folder asks again.
          listings.delete(folder);
          throw err;
        },
      );
      listings.set(folder, listing);
    }
    return (await listing)?.find((e) => e.name === name) ?? null;
  };
}

/** Throws 404 unless `path` is an existing folder. */
export async function assertFolderOrThrow(pool: SessionPool, path: string): Promise<void> {
  const entry = await findEntry(pool, path);
  // A link may point at a folder; the server decides when it is used.
  if (!entry || (entry.type !== "dir" && entry.type !== "link")) {
    throw new AppError("not_found", `The folder ${path} does not exist.`);
  }
}

/**
 * Throws 404 when the folder of `path` is missing and 409 when `path` already exists:
 * the check before creating or renaming onto a name.
 */
export async function assertFreeNameOrThrow(pool: SessionPool, path: string): Promise<void> {
  const { folder, name } = splitRemote(path);
  const listing = await listDirectory(pool, folder).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") throw new AppError("not_found", `The folder ${folder} does not exist.`, { cause: err });
    throw err;
  });
  if (listing.entries.some((e) => e.name === name)) {
    throw new AppError("conflict", `"${name}" already exists in ${folder}.`, { details: { path } });
  }
}
