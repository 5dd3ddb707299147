import "server-only";
import { assertFreeNameOrThrow } from "../find-entry";
import type { SessionPool } from "../pool";

/**
 * Creates one folder. 409 when the name exists, 404 when the parent is missing:
 * checked first, because some servers (ftp-srv) create parents and accept an
 * existing folder silently.
 */
export async function makeDirectory(pool: SessionPool, path: string): Promise<{ path: string }> {
  await assertFreeNameOrThrow(pool, path);
  await pool.run((client) => client.send(`MKD ${path}`));
  return { path };
}
