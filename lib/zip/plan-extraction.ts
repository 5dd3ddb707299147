import "server-only";
import { AppError } from "@/lib/http/errors";

/** What the central directory says about one entry (before any byte is extracted). */
export interface ZipEntryInfo {
  /** Decoded name as stored in the archive. */
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  /** 0 stored, 8 deflate; others are refused. */
  compressionMethod: number;
  /** Unix file type bits when the archive was made on Unix, else 0. */
  unixType: number;
}

export interface ExtractLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry, or of the whole archive, above `ratioFloorBytes`. */
  maxRatio: number;
}

export interface ExtractionPlan {
  /** Relative folder paths to create, parents first. */
  dirs: string[];
  /** Relative file paths, in archive order, with their index in the entry list. */
  files: Array<{ path: string; index: number; size: number }>;
  /** Entries that will not be extracted, and why (in words). */
  refused: Array<{ name: string; reason: string }>;
}

/** Small entries compress far better than any ratio limit allows (a 4 KB file of spaces): only bigger ones count. */
const ratioFloorBytes = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function nameProblem(name: string): string | null {
  if (name.includes("\\")) return "contains a backslash";
  if (name.startsWith("/")) return "is an absolute path";
  if (/^[a-zA-Z]:/.test(name)) return "starts with a drive letter";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "contains control characters";
  const parts = name.replace(/\/$/, "").split("/");
  if (parts.some((p) => p === "..")) return "points outside the folder (..)";
  if (parts.some((p) => p === "")) return "has an empty path segment";
  if (parts.some((p) => Buffer.byteLength(p) > 255)) return "has a name longer than 255 bytes";
  return null;
}

/** The entry's path inside the target folder: "./docs/a.txt" (as some tools write) is "docs/a.txt"; "./" is "". */
function relativePath(name: string): string {
  return name
    .replace(/\/$/, "")
    .split("/")
    .filter((p) => p !== ".")
    .join("/");
}

/** Why one entry cannot be extracted, or null. */
function entryProblem(e: ZipEntryInfo, isDir: boolean): string | null {
  const problem = nameProblem(e.name);
  if (problem) return `The name ${problem}.`;
  if ((e.unixType & S_IFMT) === S_IFLNK) return "Symbolic links are not extracted.";
  if (e.encrypted) return "The entry is encrypted.";
  if (!isDir && e.compressionMethod !== 0 && e.compressionMethod !== 8) return "The entry uses an unsupported compression method.";
  return null;
}

/**
 * Checks every entry before anything is written: archive-wide limits (entry
 * count, total size, compression ratio) refuse the whole archive with an
 * AppError; unsafe or unsupported single entries are listed in `refused`.
 */
export function planExtraction(entries: ZipEntryInfo[], limits: ExtractLimits): ExtractionPlan {
  if (entries.length > limits.maxEntries) {
    throw new AppError("payload_too_large", `This archive has ${entries.length} entries; Ferry extracts at most ${limits.maxEntries}.`);
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) {
    throw new AppError("payload_too_large", `This archive would expand to ${total} bytes; Ferry extracts at most ${limits.maxTotalBytes}.`);
  }
  const expandsTooMuch = (uncompressed: number, compressed: number) => uncompressed > ratioFloorBytes && uncompressed / Math.max(compressed, 1) > limits.maxRatio;
  for (const e of entries) {
    if (expandsTooMuch(e.uncompressedSize, e.compressedSize)) {
      throw new AppError("unprocessable", `This archive looks like a zip bomb: "${e.name}" would expand more than ${limits.maxRatio} times. Nothing was extracted.`);
    }
  }
  // Many small entries, each under the floor, can add up to a bomb too.
  if (expandsTooMuch(total, entries.reduce((sum, e) => sum + e.compressedSize, 0))) {
    throw new AppError("unprocessable", `This archive looks like a zip bomb: it would expand more than ${limits.maxRatio} times. Nothing was extracted.`);
  }
  const plan: ExtractionPlan = { dirs: [], files: [], refused: [] };
  const dirs = new Set<string>();
  const files = new Set<string>();
  for (const [index, e] of entries.entries()) {
    const isDir = e.name.endsWith("/");
    const path = relativePath(e.name);
    const problem = entryProblem(e, isDir);
    // "./" names the target folder itself: nothing to create.
    if (path === "" && isDir && !problem) continue;
    const parts = path.split("/");
    const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
    const clash = parents.some((p) => files.has(p)) || files.has(path) || (!isDir && dirs.has(path));
    const reason = problem ?? (path === "" ? "The name is empty." : clash ? "Another entry has the same name." : null);
    if (reason) {
      plan.refused.push({ name: e.name.replace(/[\u0000-\u001f\u007f]/g, "?"), reason });
      continue;
    }
    for (const p of isDir ? [...parents, path] : parents) {
      if (!dirs.has(p)) {
        dirs.add(p);
        plan.dirs.push(p);
      }
    }
    if (!isDir) {
      files.add(path);
      plan.files.push({ path, index, size: e.uncompressedSize });
    }
  }
  return plan;
}
