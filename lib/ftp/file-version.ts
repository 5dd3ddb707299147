import "server-only";
import { FTPError, type Client } from "basic-ftp";

export interface FileVersion {
  size: number;
  /** ISO 8601 from MDTM, or null when the server has no MDTM. */
  modifiedAt: string | null;
  /** Opaque token of both, compared before a save. */
  version: string;
}

/** Size (SIZE) and modification time (MDTM) of a file; null when it does not exist (550). */
export async function fileVersion(client: Client, path: string): Promise<FileVersion | null> {
  let size: number;
  try {
    size = await client.size(path);
  } catch (err) {
    if (err instanceof FTPError && err.code === 550) return null;
    throw err;
  }
  const date = await client.lastMod(path).catch(() => null);
  const modifiedAt = date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  return { size, modifiedAt, version: `${size}:${modifiedAt ?? "-"}` };
}
