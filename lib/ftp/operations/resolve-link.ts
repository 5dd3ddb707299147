import "server-only";
import { FTPError } from "basic-ftp";
import type { SessionPool } from "../pool";

/**
 * What a symbolic link points at, asked of the server when the user opens it (listings
 * only say "link"): "dir" when CWD into it works, "file" when SIZE answers, null when
 * neither (a dangling link, or a server without SIZE). `path` must be absolute.
 */
export async function resolveLinkType(pool: SessionPool, path: string): Promise<"file" | "dir" | null> {
  return pool.run(
    async (client) => {
      try {
        // Pooled clients use absolute paths everywhere, so moving the working directory is harmless.
        await client.cd(path);
        return "dir";
      } catch (err) {
        if (!(err instanceof FTPError)) throw err;
      }
      try {
        await client.size(path);
        return "file";
      } catch (err) {
        if (!(err instanceof FTPError)) throw err;
        return null;
      }
    },
    { idempotent: true },
  );
}
