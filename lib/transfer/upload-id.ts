import "server-only";

/**
 * The `<id>` of `/api/fs/uploads/<id>[/complete]`, read from the URL (the route
 * wrapper hands handlers the request only). Checked by the upload functions.
 */
export function uploadIdOf(url: URL): string {
  const parts = url.pathname.split("/");
  const at = parts.lastIndexOf("uploads");
  return decodeURIComponent(parts[at + 1] ?? "");
}
