import "server-only";
import { Writable } from "node:stream";
import { decodeTextOrThrow } from "@/lib/editor/text-format";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { TextFile } from "@/lib/schemas/file-operations";
import { fileVersion } from "../file-version";
import { splitRemote } from "../path-parts";
import type { SessionPool } from "../pool";

function tooLarge(name: string, max: number): AppError {
  return new AppError("payload_too_large", `${name} is larger than ${(max / 1024 / 1024).toFixed(1)} MB, the most the editor opens. Download it instead.`);
}

/**
 * Reads a text file for the editor: at most EDITOR_MAX_BYTES (checked with SIZE
 * first, and again while reading), UTF-8 only, with its BOM and line endings
 * reported so a save can keep them, and a version token (size + MDTM).
 */
export async function readText(pool: SessionPool, path: string): Promise<TextFile> {
  const max = env().EDITOR_MAX_BYTES;
  const { name } = splitRemote(path);
  const { bytes, version } = await pool.run(
    async (client) => {
      const found = await fileVersion(client, path);
      if (!found) throw new AppError("not_found", `${name} does not exist.`);
      if (found.size > max) throw tooLarge(name, max);
      const chunks: Buffer[] = [];
      let total = 0;
      // Bounded: the server's SIZE may be wrong, or the file may grow while we read.
      const collect = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          total += chunk.length;
          if (total > max) return callback(tooLarge(name, max));
          chunks.push(chunk);
          callback();
        },
      });
      await client.downloadTo(collect, path);
      return { bytes: Buffer.concat(chunks), version: found };
    },
    { idempotent: true },
  );
  return { path, encoding: "utf-8", ...decodeTextOrThrow(bytes, name), ...version };
}
