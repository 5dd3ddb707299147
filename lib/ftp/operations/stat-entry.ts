import "server-only";
import { AppError } from "@/lib/http/errors";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { findEntry } from "../find-entry";
import type { SessionPool } from "../pool";
import { resolveLinkType } from "./resolve-link";

/**
 * Properties of one entry: its listing row, completed with MDTM when the listing
 * gave no usable date and SIZE when it gave no size (files only).
 */
export async function statEntry(pool: SessionPool, path: string): Promise<{ path: string; entry: RemoteEntry; targetType?: "file" | "dir" | null }> {
  const found = await findEntry(pool, path);
  if (!found) throw new AppError("not_found", `${path} does not exist.`);
  const entry = { ...found };
  if (entry.type === "file" && (entry.modifiedAt === null || entry.size === null)) {
    await pool.run(
      async (client) => {
        // Both are optional FTP extensions: a refusal leaves the listing's value.
        if (entry.modifiedAt === null) entry.modifiedAt = await client.lastMod(path).then((d) => d.toISOString(), () => null);
        if (entry.size === null) entry.size = await client.size(path).catch(() => null);
      },
      { idempotent: true },
    );
  }
  // A link's listing row does not say what it points at: ask the server (see resolve-link.ts).
  if (entry.type === "link") return { path, entry, targetType: await resolveLinkType(pool, path) };
  return { path, entry };
}
