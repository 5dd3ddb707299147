// The file-operation endpoints of docs/api.md as typed calls for the browser.
import { ApiError, api, apiErrorFromResponse, redirectIfLoggedOut } from "@/lib/client/api";
import type { RemoteEntry } from "@/lib/schemas/entry";
import type { BatchEvent, ChmodBody, FolderSize, SearchEvent } from "@/lib/schemas/file-operations";
import { readNdjson } from "./read-ndjson";

export type BatchOp = "move" | "copy" | "delete" | "chmod" | "extract";
export type DoneItem = Extract<BatchEvent, { type: "done" }>;
export type FailedItem = Extract<BatchEvent, { type: "failed" }>;
export type SearchHit = Extract<SearchEvent, { type: "hit" }>;
export type SearchEnd = Extract<SearchEvent, { type: "end" }>;

/** Everything a batch did: each item as it happened, and why it stopped early (null when it finished). */
export interface BatchOutcome {
  done: DoneItem[];
  failed: FailedItem[];
  stopped: "entries" | "time" | "aborted" | null;
}

export interface StatResult {
  path: string;
  entry: RemoteEntry;
  targetType?: "file" | "dir" | null;
}

export const createFolder = (path: string) => api<{ path: string }>("POST", "/api/fs/mkdir", { path });
export const createFile = (path: string) => api<{ path: string }>("POST", "/api/fs/touch", { path });
export const renameEntry = (path: string, newName: string) => api<{ path: string }>("POST", "/api/fs/rename", { path, newName });
export const statEntry = (path: string, signal?: AbortSignal) => api<StatResult>("GET", `/api/fs/stat?path=${encodeURIComponent(path)}`, undefined, { signal });
/** Total size of a folder; abort `signal` to stop (the server answers the partial total, but the fetch rejects). */
export const folderSize = (path: string, signal?: AbortSignal) => api<FolderSize>("GET", `/api/fs/size?path=${encodeURIComponent(path)}`, undefined, { signal });

/** Starts an NDJSON request and yields its lines; HTTP errors throw ApiError (a lost session also redirects). */
async function* ndjson<T>(method: string, url: string, body: unknown, signal?: AbortSignal): AsyncGenerator<T, void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "X-Ferry-Request": "1", Accept: "application/x-ndjson", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network_error", err instanceof Error ? err.message : "Network error");
  }
  if (!res.ok || !res.body) {
    const error = await apiErrorFromResponse(res);
    redirectIfLoggedOut(error);
    throw error;
  }
  yield* readNdjson<T>(res.body);
}

export type BatchBody = { move: { paths: string[]; targetDir: string }; copy: { paths: string[]; targetDir: string; conflict?: "fail" | "rename" }; delete: { paths: string[] }; chmod: ChmodBody; extract: { path: string; targetDir?: string } };

/**
 * Runs a batch operation with streamed progress: `onItem` sees each done/failed
 * item as the server reports it. Aborting `signal` stops the server between two
 * items and resolves with what was done so far (`stopped: "aborted"`).
 * A failure of the whole request (e.g. 501 chmod not supported) throws ApiError.
 */
export async function runBatch<K extends BatchOp>(op: K, body: BatchBody[K], options: { signal?: AbortSignal; onItem?: (item: DoneItem | FailedItem) => void } = {}): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], failed: [], stopped: null };
  try {
    for await (const event of ndjson<BatchEvent>("POST", `/api/fs/${op}`, body, options.signal)) {
      if (event.type === "done") outcome.done.push(event);
      else if (event.type === "failed") outcome.failed.push(event);
      else if (event.type === "end") outcome.stopped = event.stopped;
      else throw new ApiError(200, event.error.code, event.error.message);
      if (event.type === "done" || event.type === "failed") options.onItem?.(event);
    }
  } catch (err) {
    if (!(options.signal?.aborted && !(err instanceof ApiError))) throw err;
    outcome.stopped = "aborted";
  }
  return outcome;
}

/**
 * Recursive name search below `path` (substring or glob); `onHit` sees hits as they stream in.
 * Resolves with the summary line, or null when `signal` aborted it.
 */
export async function searchNames(path: string, query: string, options: { signal?: AbortSignal; depth?: number; onHit: (hit: SearchHit) => void }): Promise<SearchEnd | null> {
  const params = new URLSearchParams({ path, q: query });
  // Without a depth the server's SEARCH_MAX_DEPTH applies.
  if (options.depth !== undefined) params.set("depth", String(options.depth));
  const url = `/api/fs/search?${params}`;
  try {
    for await (const event of ndjson<SearchEvent>("GET", url, undefined, options.signal)) {
      if (event.type === "hit") options.onHit(event);
      else if (event.type === "end") return event;
      else throw new ApiError(200, event.error.code, event.error.message);
    }
  } catch (err) {
    if (options.signal?.aborted && !(err instanceof ApiError)) return null;
    throw err;
  }
  return null;
}
