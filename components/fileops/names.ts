// Names the dialogs suggest and check before asking the server.

/**
 * `base` if no entry has that name, else "base 2", "base 3"… (before the
 * extension for files: "untitled 2.txt"). Compared case-sensitively, like FTP servers on Unix.
 */
export function freeName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  const dot = base.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ""];
  for (let n = 2; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!names.has(candidate)) return candidate;
  }
}

export type NameProblem = "fileops.name.empty" | "fileops.name.slash" | "fileops.name.dots" | "fileops.name.control" | "fileops.name.tooLong";

/**
 * Why `name` cannot be a file or folder name (a message key), or null when it can.
 * The same rules as the server's assertSafeName, checked as you type.
 */
export function nameProblem(name: string): NameProblem | null {
  if (name.trim() === "") return "fileops.name.empty";
  if (name === "." || name === "..") return "fileops.name.dots";
  if (name.includes("/")) return "fileops.name.slash";
  if (/[\r\n\0]/.test(name)) return "fileops.name.control";
  if (name.length > 1024) return "fileops.name.tooLong";
  return null;
}

/**
 * The part of a name to select when renaming starts: the stem of a file
 * ("report" of "report.txt"), the whole name of a folder or a dotfile.
 */
export function stemRange(name: string, isFolder: boolean): [number, number] {
  const dot = name.lastIndexOf(".");
  return isFolder || dot <= 0 ? [0, name.length] : [0, dot];
}
