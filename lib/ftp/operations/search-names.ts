import "server-only";
import { env } from "@/lib/env";
import type { SearchEvent } from "@/lib/schemas/file-operations";
import { nameMatcher } from "@/lib/search/name-matcher";
import type { SessionPool } from "../pool";
import { walkTree } from "../walk";
import { listDirectory } from "./list-directory";

export interface SearchOptions {
  /** Folder levels to descend below `start`; capped by SEARCH_MAX_DEPTH (the default). */
  depth?: number;
  signal?: AbortSignal;
}

type Hit = Extract<SearchEvent, { type: "hit" }>;
type End = Extract<SearchEvent, { type: "end" }>;

/**
 * Searches names below `start` (substring or glob, case-insensitive), yielding
 * hits as the walk finds them. Bounded by depth, SEARCH_MAX_ENTRIES entries and
 * SEARCH_MAX_SECONDS; stops when `signal` aborts. Folders it cannot list are skipped and counted.
 */
export async function* searchNames(pool: SessionPool, start: string, query: string, options: SearchOptions = {}): AsyncGenerator<Hit, End> {
  const settings = env();
  const matches = nameMatcher(query);
  const walk = walkTree(start, {
    list: async (dir) => (await listDirectory(pool, dir)).entries,
    maxDepth: Math.min(options.depth ?? settings.SEARCH_MAX_DEPTH, settings.SEARCH_MAX_DEPTH),
    maxEntries: settings.SEARCH_MAX_ENTRIES,
    deadline: Date.now() + settings.SEARCH_MAX_SECONDS * 1000,
    signal: options.signal,
  });
  let hits = 0;
  let unreadable = 0;
  for (;;) {
    const next = await walk.next();
    if (next.done) return { type: "end", hits, unreadable, ...next.value };
    const event = next.value;
    if (event.type === "unlisted") unreadable++;
    else if (matches(event.entry.name)) {
      hits++;
      yield { type: "hit", path: event.path, folder: event.folder, entry: event.entry };
    }
  }
}
