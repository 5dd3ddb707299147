import "server-only";

/** Splits a normalised absolute path into its folder and last name ("/" has no name). */
export function splitRemote(path: string): { folder: string; name: string } {
  const cut = path.lastIndexOf("/");
  return { folder: cut <= 0 ? "/" : path.slice(0, cut), name: path.slice(cut + 1) };
}

/** True when `path` is `folder` itself or lies somewhere below it. */
export function isSameOrInside(path: string, folder: string): boolean {
  return path === folder || folder === "/" || path.startsWith(`${folder}/`);
}
