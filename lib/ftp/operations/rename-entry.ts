import "server-only";
import { AppError } from "@/lib/http/errors";
import { joinRemote } from "@/lib/security/remote-path";
import { assertFreeNameOrThrow, findEntry } from "../find-entry";
import { splitRemote } from "../path-parts";
import type { SessionPool } from "../pool";

/**
 * Renames a file or folder in place. The target is checked first: RNTO onto an
 * existing name silently replaces it on most servers.
 */
export async function renameEntry(pool: SessionPool, path: string, newName: string): Promise<{ path: string }> {
  if (path === "/") throw new AppError("bad_request", "The root folder cannot be renamed.");
  const target = joinRemote(splitRemote(path).folder, newName);
  if (target === path) return { path };
  if (!(await findEntry(pool, path))) throw new AppError("not_found", `${path} does not exist.`);
  await assertFreeNameOrThrow(pool, target);
  await pool.run((client) => client.rename(path, target));
  return { path: target };
}
