import "server-only";
import { AppError } from "@/lib/http/errors";

const controlChars = /[\r\n\0]/;

/**
 * Validates and normalises an absolute remote path: rejects CR, LF and NUL
 * (they would smuggle FTP commands), resolves `.` and `..` without ever going
 * above `/`, and keeps spaces inside names exactly as given.
 */
export function parseRemotePath(raw: string | null | undefined, what = "path"): string {
  if (raw === null || raw === undefined || raw === "") throw new AppError("invalid_path", `A ${what} is required.`);
  if (controlChars.test(raw)) throw new AppError("invalid_path", `The ${what} must not contain line breaks or NUL characters.`);
  if (!raw.startsWith("/")) throw new AppError("invalid_path", `The ${what} must be absolute (start with /).`);
  const parts: string[] = [];
  for (const segment of raw.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join("/")}`;
}

/** A single file or folder name: no slash, no `.`/`..`, no CR/LF/NUL. */
export function assertSafeName(name: string): string {
  if (name === "" || name === "." || name === ".." || name.includes("/") || controlChars.test(name)) {
    throw new AppError("invalid_name", `"${name.replace(/[\r\n\0]/g, "?")}" is not a valid file name.`);
  }
  return name;
}

/** Joins a normalised folder path and a checked name. */
export function joinRemote(dir: string, name: string): string {
  return dir === "/" ? `/${assertSafeName(name)}` : `${dir}/${assertSafeName(name)}`;
}
