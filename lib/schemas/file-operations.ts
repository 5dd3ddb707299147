import { z } from "zod";
import type { RemoteEntry } from "./entry";

// Request bodies of the file-operation endpoints (docs/api.md) and the shapes they answer.
// Paths are checked and normalised by the route (parseRemotePath); here only their type and length.

const remotePath = z.string({ error: "A path is required." }).min(1, "A path is required.").max(4096, "The path is too long.");
const pathList = z.array(remotePath).min(1, "Choose at least one file or folder.").max(10_000, "Too many items at once.");
const octalMode = z.string().regex(/^0?[0-7]{3}$/, "A mode is three octal digits, such as 755.");

export const pathBody = z.object({ path: remotePath });

export const renameBody = z.object({ path: remotePath, newName: z.string().min(1, "A new name is required.").max(1024) });

export const moveBody = z.object({ paths: pathList, targetDir: remotePath });

export const copyBody = moveBody.extend({
  /** "fail" (default): a name that exists in the target fails that item; "rename": copy as "name (copy).ext". */
  conflict: z.enum(["fail", "rename"]).default("fail"),
});

export const deleteBody = z.object({ paths: pathList });

export const chmodBody = z
  .object({
    paths: pathList,
    /** Mode for the chosen items themselves. */
    mode: octalMode.optional(),
    /** Also change everything inside chosen folders, with `fileMode` for files and `dirMode` for folders. */
    recursive: z.boolean().default(false),
    fileMode: octalMode.optional(),
    dirMode: octalMode.optional(),
  })
  .refine((b) => b.mode !== undefined || (b.recursive && (b.fileMode !== undefined || b.dirMode !== undefined)), {
    message: "Give a mode, or for a recursive change a file mode and/or a folder mode.",
  });

export const saveBody = z.object({
  path: remotePath,
  content: z.string(),
  /** The `version` the editor opened; null for "I expect no file there". */
  version: z.string().max(200).nullable(),
  /** Save even when the file changed on the server since it was opened. */
  force: z.boolean().default(false),
  /** Write a UTF-8 byte order mark first (as `GET /api/fs/read` reported). */
  bom: z.boolean().default(false),
  /**
   * Line endings to write: "crlf" turns every line break into CRLF, "lf" into LF; "mixed", "none"
   * or absent keep the text as sent (so the editor can pass on what `GET /api/fs/read` said).
   */
  lineEnding: z.enum(["lf", "crlf", "mixed", "none"]).optional(),
});

export const extractBody = z.object({
  path: remotePath,
  /** Folder to extract into; default the zip's own folder. */
  targetDir: remotePath.optional(),
});

export type ChmodBody = z.infer<typeof chmodBody>;
export type SaveBody = z.infer<typeof saveBody>;

/** What the editor gets from `GET /api/fs/read`. */
export interface TextFile {
  path: string;
  content: string;
  encoding: "utf-8";
  /** The file starts with a UTF-8 byte order mark (not included in `content`). */
  bom: boolean;
  /** "mixed" files are saved as sent. "none" for a file without line breaks. */
  lineEnding: "lf" | "crlf" | "mixed" | "none";
  size: number;
  /** ISO 8601 from MDTM, or null when the server has no MDTM. */
  modifiedAt: string | null;
  /** Opaque token of size and time; send it back when saving. */
  version: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
}

/** One line of a streamed (NDJSON) batch answer; the JSON answer is `BatchSummary`. */
export type BatchEvent =
  /** `kind` is left out where finding it would cost a listing the operation does not need (chmod of single items). */
  | { type: "done"; path: string; kind?: "file" | "dir" | "link" | "unknown"; to?: string; bytes?: number }
  | { type: "failed"; path: string; error: ApiErrorBody }
  | { type: "end"; done: number; failed: number; stopped: "entries" | "time" | "aborted" | null }
  | { type: "error"; error: ApiErrorBody };

export interface BatchSummary {
  done: Array<Omit<Extract<BatchEvent, { type: "done" }>, "type">>;
  failed: Array<Omit<Extract<BatchEvent, { type: "failed" }>, "type">>;
  stopped: "entries" | "time" | "aborted" | null;
}

/** One line of `GET /api/fs/search` (NDJSON). */
export type SearchEvent =
  | { type: "hit"; path: string; folder: string; entry: RemoteEntry }
  /**
   * The last line: entries looked at, hits, folders that could not be listed (skipped), why it
   * stopped early (or null), and whether some folders were too deep to enter.
   */
  | { type: "end"; visited: number; hits: number; unreadable: number; stopped: "entries" | "time" | "aborted" | null; depthLimited: boolean }
  | { type: "error"; error: ApiErrorBody };

/** `GET /api/fs/size`: a folder's total, partial when `stopped` is set. */
export interface FolderSize {
  path: string;
  bytes: number;
  files: number;
  folders: number;
  /** Folders that could not be listed (their contents are not counted). */
  unreadable: number;
  stopped: "entries" | "time" | "aborted" | null;
}
