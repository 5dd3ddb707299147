// Reading and saving a text file for the viewer/editor (GET /api/fs/read, POST /api/fs/save).
import { api, ApiError } from "@/lib/client/api";
import type { TextFile } from "@/lib/schemas/file-operations";
import { previewHref } from "./viewable";

/** An opened text, as the editor keeps it between saves. */
export interface OpenedText {
  path: string;
  content: string;
  bom: boolean;
  lineEnding: TextFile["lineEnding"];
  size: number;
  /** What the server reported when the file was read or last saved; null for "no file there yet". */
  version: string | null;
}

export type TextLoad =
  | { status: "loading" }
  /** `partial`: only the start of a file too large for the editor, shown read-only. */
  | { status: "ready"; text: OpenedText; partial: { shown: number; size: number | null } | null }
  | { status: "failed"; reason: "binary" | "encoding" | "too_large" | "not_found" | "other"; message: string };

/** How much of a too-large text file the read-only view shows. */
export const headBytes = 256 * 1024;

const reasonByCode: Record<string, "binary" | "encoding" | "too_large" | "not_found"> = {
  unsupported_media_type: "binary",
  unprocessable: "encoding",
  payload_too_large: "too_large",
  not_found: "not_found",
};

/**
 * Opens `path` for the editor. A file too large for the editor is shown by its first
 * `headBytes` through the preview route (a Range request) when it is previewable text.
 * `createIfMissing` opens a missing file as a new empty one (saved with version null).
 */
export async function loadText(path: string, options: { signal: AbortSignal; createIfMissing: boolean }): Promise<TextLoad> {
  try {
    const file = await api<TextFile>("GET", `/api/fs/read?path=${encodeURIComponent(path)}`, undefined, { signal: options.signal });
    return { status: "ready", text: { ...file, path }, partial: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const reason = reasonByCode[err.code] ?? "other";
    if (reason === "not_found" && options.createIfMissing) {
      return { status: "ready", text: { path, content: "", bom: false, lineEnding: "none", size: 0, version: null }, partial: null };
    }
    if (reason === "too_large") {
      const head = await loadHead(path, options.signal);
      if (head) return head;
    }
    return { status: "failed", reason, message: err.message };
  }
}

async function loadHead(path: string, signal: AbortSignal): Promise<TextLoad | null> {
  const res = await fetch(previewHref(path), { headers: { Range: `bytes=0-${headBytes - 1}` }, signal, credentials: "same-origin", cache: "no-store" });
  if (res.status !== 206 && res.status !== 200) return null;
  const total = Number(/\/(\d+)$/.exec(res.headers.get("content-range") ?? "")?.[1] ?? NaN);
  // A 200 would be the whole (large) file: read no more than we show.
  const bytes = await readAtMost(res, headBytes);
  const content = new TextDecoder("utf-8").decode(bytes);
  return {
    status: "ready",
    text: { path, content, bom: false, lineEnding: "none", size: bytes.length, version: null },
    partial: { shown: bytes.length, size: Number.isFinite(total) ? total : null },
  };
}

async function readAtMost(res: Response, max: number): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const out = new Uint8Array(max);
  let length = 0;
  while (length < max) {
    const { done, value } = await reader.read();
    if (done) break;
    const take = Math.min(value.length, max - length);
    out.set(value.subarray(0, take), length);
    length += take;
  }
  await reader.cancel().catch(() => undefined);
  return out.subarray(0, length);
}

export interface SavedVersion {
  path: string;
  size: number;
  version: string;
}

/**
 * Saves `content` over `text.path`, keeping the BOM and (for all-LF or all-CRLF files) the
 * line endings the file had. Without `force`, a change on the server since `text.version`
 * is an ApiError 409 `conflict` whose `details.current` is the server's version (null if gone).
 */
export function saveText(text: OpenedText, content: string, force: boolean): Promise<SavedVersion> {
  const lineEnding = text.lineEnding === "lf" || text.lineEnding === "crlf" ? text.lineEnding : undefined;
  return api<SavedVersion>("POST", "/api/fs/save", { path: text.path, content, version: text.version, force, bom: text.bom, lineEnding });
}
