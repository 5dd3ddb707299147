import "server-only";
import { Readable } from "node:stream";
import { encodeText } from "@/lib/editor/text-format";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { SaveBody } from "@/lib/schemas/file-operations";
import { tempNameFor } from "../copy-file";
import { fileVersion, type FileVersion } from "../file-version";
import type { SessionPool } from "../pool";
import { sendable } from "../upload-source";

/**
 * Saves editor text. Unless `force`, first compares the file's current size and
 * MDTM with the version the editor opened: a change on the server is a 409
 * `conflict` with the current version in `details.current`. Writes to a temporary
 * name beside the file and renames it onto the file, so a failed save never
 * damages the original. Returns the new version.
 */
export async function saveText(pool: SessionPool, save: Omit<SaveBody, "path">, path: string): Promise<FileVersion & { path: string }> {
  const bytes = encodeText(save.content, save);
  const max = env().EDITOR_MAX_BYTES;
  if (bytes.length > max) throw new AppError("payload_too_large", `The text is larger than ${(max / 1024 / 1024).toFixed(1)} MB, the most the editor saves.`);
  if (!save.force) {
    const current = await pool.run((client) => fileVersion(client, path), { idempotent: true });
    if ((current?.version ?? null) !== save.version) {
      const message = current
        ? "The file changed on the server since you opened it. Overwrite it, or reload it to see the change."
        : save.version === null
          ? "A file with this name appeared on the server."
          : "The file was deleted or renamed on the server since you opened it. Save anyway to create it again.";
      throw new AppError("conflict", message, { details: { current } });
    }
  }
  const temp = tempNameFor(path);
  try {
    await pool.run((client) => client.uploadFrom(sendable(Readable.from([bytes]), client), temp));
    await pool.run((client) => client.rename(temp, path));
  } catch (err) {
    await pool.run((client) => client.remove(temp, true)).catch(() => undefined);
    throw err;
  }
  const saved = await pool.run((client) => fileVersion(client, path), { idempotent: true });
  if (!saved) throw new AppError("internal", "The file was saved but could not be found afterwards.");
  return { path, ...saved };
}
