// Remote (FTP) path helpers for the browser: absolute, "/"-separated, no trailing slash except "/".

/** `dir` + `name` as one absolute path. */
export function joinPath(dir: string, name: string): string {
  return dir === "/" || dir === "" ? `/${name}` : `${dir.replace(/\/+$/, "")}/${name}`;
}

/** The folder that holds `path` ("/" for "/" itself). */
export function parentPath(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const cut = trimmed.lastIndexOf("/");
  return cut <= 0 ? "/" : trimmed.slice(0, cut);
}

/** The last segment of `path` ("" for "/"). */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Each ancestor of `path` with its name, root first: "/a/b" → [{ "/", "" }, { "/a", "a" }, { "/a/b", "b" }]. */
export function pathCrumbs(path: string): Array<{ path: string; name: string }> {
  const crumbs = [{ path: "/", name: "" }];
  let current = "";
  for (const name of path.split("/").filter(Boolean)) {
    current += `/${name}`;
    crumbs.push({ path: current, name });
  }
  return crumbs;
}

/** The browser page's address of a remote folder, each segment URL-encoded: "/a b/c" → "/files/a%20b/c". */
export function filesHref(path: string): string {
  const segments = path.split("/").filter(Boolean).map(encodeURIComponent);
  return segments.length ? `/files/${segments.join("/")}` : "/files";
}

/** The remote path of a browser page's address (the inverse of `filesHref`); null if it is not one. */
export function pathFromFilesHref(pathname: string): string | null {
  const match = /^\/files(?:\/(.*))?$/.exec(pathname);
  if (!match) return null;
  try {
    const segments = (match[1] ?? "").split("/").filter(Boolean).map(decodeURIComponent);
    return `/${segments.join("/")}`;
  } catch {
    return null;
  }
}

/** Download address of a remote file (an attachment; see docs/api.md). */
export function downloadHref(path: string): string {
  return `/api/fs/download?path=${encodeURIComponent(path)}`;
}
