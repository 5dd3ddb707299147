import "server-only";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { joinRemote } from "@/lib/security/remote-path";

/** Why a walk ended before it saw the whole tree. */
export type WalkStop = "entries" | "time" | "aborted";

export type WalkEvent =
  /** One entry; `depth` is 1 for the children of the start folder. */
  | { type: "entry"; path: string; folder: string; entry: RemoteEntry; depth: number }
  /** A folder below the start that could not be listed (its contents were not visited). */
  | { type: "unlisted"; path: string; error: unknown };

export interface WalkOptions {
  /** Lists one folder by absolute path (in Ferry: `listDirectory` on the session pool). */
  list: (dir: string) => Promise<RemoteEntry[]>;
  /** Folder levels to descend: entries at this depth are reported but not entered. Default: no limit. */
  maxDepth?: number;
  /** Stop after this many entries. Default: no limit. */
  maxEntries?: number;
  /** Stop at this time (ms since the epoch). Default: none. */
  deadline?: number;
  /** Stop when this aborts (the browser went away). */
  signal?: AbortSignal;
  /** "pre" (default) reports a folder before its contents; "post" after them (what a recursive delete needs). */
  order?: "pre" | "post";
  /** Clock, for tests. */
  now?: () => number;
}

export interface WalkResult {
  /** Entries reported. */
  visited: number;
  /** Set when the walk ended early. */
  stopped: WalkStop | null;
  /** True when some folder was not entered because of `maxDepth`. */
  depthLimited: boolean;
}

class Stop {
  constructor(readonly reason: WalkStop) {}
}

/**
 * Walks a remote tree depth-first, one listing at a time (each listing borrows a
 * pooled client only briefly, so other requests of the session interleave).
 * Symlinks are reported but never followed, so a link loop cannot trap it.
 * The start folder's own listing error is thrown; deeper ones become "unlisted" events.
 */
export async function* walkTree(start: string, options: WalkOptions): AsyncGenerator<WalkEvent, WalkResult> {
  const now = options.now ?? Date.now;
  const maxDepth = options.maxDepth ?? Infinity;
  const maxEntries = options.maxEntries ?? Infinity;
  const result: WalkResult = { visited: 0, stopped: null, depthLimited: false };

  const check = () => {
    if (options.signal?.aborted) throw new Stop("aborted");
    if (options.deadline !== undefined && now() >= options.deadline) throw new Stop("time");
  };

  async function* visit(dir: string, entries: RemoteEntry[], depth: number): AsyncGenerator<WalkEvent> {
    for (const entry of entries) {
      check();
      if (result.visited >= maxEntries) throw new Stop("entries");
      result.visited++;
      const path = joinRemote(dir, entry.name);
      const event: WalkEvent = { type: "entry", path, folder: dir, entry, depth };
      if (options.order !== "post" || entry.type !== "dir") yield event;
      if (entry.type === "dir") {
        if (depth >= maxDepth) result.depthLimited = true;
        else yield* descend(path, depth + 1);
        if (options.order === "post") yield event;
      }
    }
  }

  async function* descend(dir: string, depth: number): AsyncGenerator<WalkEvent> {
    let children: RemoteEntry[];
    try {
      children = await options.list(dir);
    } catch (error) {
      yield { type: "unlisted", path: dir, error };
      return;
    }
    yield* visit(dir, children, depth);
  }

  try {
    check();
    const top = await options.list(start);
    yield* visit(start, top, 1);
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    result.stopped = err.reason;
  }
  return result;
}
