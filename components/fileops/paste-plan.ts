// What a paste, a drop or a "move to" does with a set of paths: pure, so it is tested without a browser.
import { parentPath } from "@/lib/client/paths";

/** What Ctrl/Cmd+X or Ctrl/Cmd+C put aside: absolute paths and the folder they were taken from. */
export interface ClipboardContent {
  mode: "cut" | "copy";
  /** The folder the paths were cut or copied in. */
  from: string;
  paths: string[];
}

export type TransferPlan =
  | { op: "move"; paths: string[]; targetDir: string }
  | { op: "copy"; paths: string[]; targetDir: string; conflict: "fail" | "rename" }
  /** Nothing to do, and why (a message key of the fileops area). */
  | { op: "none"; reason: "fileops.paste.empty" | "fileops.move.sameFolder" | "fileops.move.intoItself" };

/** True when `dir` is `path` itself or lies inside it (moving a folder there is impossible). */
export function isSameOrInside(dir: string, path: string): boolean {
  return dir === path || dir.startsWith(path === "/" ? "/" : `${path}/`);
}

/**
 * Plans moving `paths` into `targetDir`: items already there are left out, and a
 * folder cannot go into itself. When nothing is left, says why.
 */
export function planMove(paths: readonly string[], targetDir: string): TransferPlan {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return { op: "none", reason: "fileops.paste.empty" };
  if (unique.some((p) => isSameOrInside(targetDir, p))) return { op: "none", reason: "fileops.move.intoItself" };
  const moving = unique.filter((p) => parentPath(p) !== targetDir);
  if (moving.length === 0) return { op: "none", reason: "fileops.move.sameFolder" };
  return { op: "move", paths: moving, targetDir };
}

/**
 * Plans a paste into `targetDir`. A copy pasted into the folder it came from gets
 * "name (copy)" names (the server's `conflict: "rename"`); elsewhere a name that
 * exists fails that item rather than overwriting it. A cut is a move.
 */
export function planPaste(clip: ClipboardContent | null, targetDir: string): TransferPlan {
  if (!clip || clip.paths.length === 0) return { op: "none", reason: "fileops.paste.empty" };
  if (clip.mode === "cut") return planMove(clip.paths, targetDir);
  const paths = [...new Set(clip.paths)];
  if (paths.some((p) => isSameOrInside(targetDir, p))) return { op: "none", reason: "fileops.move.intoItself" };
  return { op: "copy", paths, targetDir, conflict: paths.every((p) => parentPath(p) === targetDir) ? "rename" : "fail" };
}

/**
 * The absolute folder a user typed in "Move to…": absolute as is, otherwise relative
 * to `current`; `.` and `..` resolved (never above `/`). Null when empty or when it
 * holds a line break or NUL (the server would refuse it anyway).
 */
export function resolveTypedPath(current: string, typed: string): string | null {
  const text = typed.trim();
  if (text === "" || /[\r\n\0]/.test(text)) return null;
  const parts: string[] = [];
  const start = text.startsWith("/") ? text : `${current}/${text}`;
  for (const segment of start.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join("/")}`;
}
