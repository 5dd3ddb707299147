import "server-only";
import { FTPError, type Client } from "basic-ftp";
import { splitRemote } from "./path-parts";

export interface FileVersion {
  size: number;
  /** ISO 8601 from MDTM, or null when the server has no MDTM. */
  modifiedAt: string | null;
  /** Opaque token of both, compared before a save. */
  version: string;
}

/**
 * A file's size: SIZE where it answers with a number, else its row in the folder
 * listing (servers without SIZE; ftp-srv answers "213 File status" for an empty file).
 * Null when the file does not exist.
 */
async function sizeOf(client: Client, path: string): Promise<number | null> {
  const reply = await client.sendIgnoringError(`SIZE ${path}`);
  const m = /^213 (\d+)\s*$/.exec(reply.message);
  if (m) return Number(m[1]);
  if (reply.code === 550) return null;
  if (reply.code === 421) throw new FTPError(reply);
  const { folder, name } = splitRemote(path);
  await client.cd(folder);
  const row = (await client.list()).find((info) => info.name === name);
  return row && row.isFile ? row.size : null;
}

/** Size and modification time (MDTM) of a file; null when it does not exist. */
export async function fileVersion(client: Client, path: string): Promise<FileVersion | null> {
  const size = await sizeOf(client, path);
  if (size === null) return null;
  const date = await client.lastMod(path).catch(() => null);
  const modifiedAt = date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
  return { size, modifiedAt, version: `${size}:${modifiedAt ?? "-"}` };
}
