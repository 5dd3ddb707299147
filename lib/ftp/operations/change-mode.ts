import "server-only";
import { FTPError, type Client } from "basic-ftp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { ChmodBody } from "@/lib/schemas/file-operations";
import { failedItem, refusedItem, type BatchRun } from "../batch";
import { entryFinder } from "../find-entry";
import type { SessionPool } from "../pool";
import { walkTree } from "../walk";
import { listDirectory } from "./list-directory";

export type ChmodRequest = Pick<ChmodBody, "mode" | "recursive" | "fileMode" | "dirMode">;

/** Reply codes that mean "no such command here" (vsftpd with chmod off: 500; others 502/504; 202 "not implemented"). */
const unsupportedReplies = new Set([202, 500, 502, 504]);

function notSupported(cause?: unknown): AppError {
  return new AppError("not_supported", "This server does not support changing permissions.", { cause });
}

async function siteChmod(client: Client, mode: string, path: string): Promise<void> {
  try {
    const reply = await client.send(`SITE CHMOD ${mode.replace(/^0(?=[0-7]{3}$)/, "")} ${path}`);
    if (unsupportedReplies.has(reply.code)) throw notSupported();
  } catch (err) {
    if (err instanceof FTPError && unsupportedReplies.has(err.code)) throw notSupported(err);
    throw err;
  }
}

/**
 * Changes permissions with SITE CHMOD (octal). With `recursive`, everything inside
 * chosen folders gets `fileMode` (files) or `dirMode` (folders), contents before
 * their folder so a restrictive folder mode cannot lock Ferry out half way.
 * A server without SITE CHMOD ends the whole request with 501 `not_supported`.
 */
export async function* changeMode(pool: SessionPool, paths: string[], request: ChmodRequest, signal?: AbortSignal): BatchRun {
  const findEntry = entryFinder(pool);
  const apply = async (path: string, mode: string | undefined, kind?: "file" | "dir" | "link" | "unknown") => {
    if (mode === undefined) return null;
    try {
      await pool.run((client) => siteChmod(client, mode, path));
      return { type: "done" as const, path, ...(kind ? { kind } : {}) };
    } catch (err) {
      const unsupported = err instanceof AppError && err.code === "not_supported";
      const refused = err instanceof FTPError && err.code === 550;
      if (!unsupported && !refused) return failedItem(path, err);
      // ftp-srv answers 500 for any failed chmod, and a 550 may mean missing or not allowed: tell them apart by looking.
      const exists = await findEntry(path).then((e) => e !== null, () => true);
      if (!exists) return failedItem(path, new AppError("not_found", `${path} does not exist.`));
      if (unsupported) throw err;
      return refusedItem(path, err, "change the permissions of");
    }
  };
  for (const path of new Set(paths)) {
    if (signal?.aborted) return "aborted";
    if (!request.recursive) {
      const result = await apply(path, request.mode);
      if (result) yield result;
      continue;
    }
    const entry = await findEntry(path).catch(() => null);
    if (!entry) {
      yield failedItem(path, new AppError("not_found", `${path} does not exist.`));
      continue;
    }
    if (entry.type === "dir") {
      const walk = walkTree(path, { list: async (dir) => (await listDirectory(pool, dir)).entries, order: "post", maxEntries: env().RECURSIVE_MAX_ENTRIES, signal });
      for (;;) {
        const next = await walk.next();
        if (next.done) {
          if (next.value.stopped) return next.value.stopped;
          break;
        }
        const event = next.value;
        if (event.type === "unlisted") yield failedItem(event.path, event.error);
        else if (event.entry.type === "file" || event.entry.type === "dir") {
          const result = await apply(event.path, event.entry.type === "dir" ? request.dirMode : request.fileMode, event.entry.type);
          if (result) yield result;
        }
      }
    }
    const own = request.mode ?? (entry.type === "dir" ? request.dirMode : request.fileMode);
    const result = await apply(path, own, entry.type);
    if (result) yield result;
  }
  return null;
}
