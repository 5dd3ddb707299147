import "server-only";
import { assertFreeNameOrThrow } from "../find-entry";
import type { SessionPool } from "../pool";
import { storeEmpty } from "../upload-source";

/** Creates an empty file (STOR of an empty stream). 409 when the name exists, 404 when the folder is missing. */
export async function createFile(pool: SessionPool, path: string): Promise<{ path: string }> {
  await assertFreeNameOrThrow(pool, path);
  await storeEmpty(pool, path);
  return { path };
}
