import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { Listing } from "@/lib/schemas/entry";
import { encodingHintOf } from "../encoding/apply-filename-encoding";
import type { SessionPool } from "../pool";
import { isListableName, toRemoteEntry } from "../to-remote-entry";

/** Lists a folder (MLSD where offered, LIST otherwise). `path` must be normalised and absolute. */
export async function listDirectory(pool: SessionPool, path: string): Promise<Listing> {
  const { infos, encodingHint } = await pool.run(
    async (client) => {
      // CWD first: a missing folder is a clear 550 (vsftpd lists it as empty), and listing the
      // working directory spares servers that mis-parse `LIST path` with spaces in it.
      await client.cd(path);
      const listed = await client.list();
      return { infos: listed, encodingHint: encodingHintOf(client) };
    },
    { idempotent: true },
  );
  const max = env().FTP_MAX_LISTING_ENTRIES;
  if (infos.length > max) {
    throw new AppError("payload_too_large", `This folder has more than ${max.toLocaleString("en")} entries, more than Ferry is set to show.`);
  }
  const now = new Date();
  return { path, entries: infos.filter((i) => isListableName(i.name)).map((i) => toRemoteEntry(i, now)), encodingHint };
}
