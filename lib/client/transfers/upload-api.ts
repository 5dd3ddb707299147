// URLs and answers of the Transfer API (docs/api.md, "Uploads"), as the browser sees them.

export interface UploadedFile {
  name: string;
  path: string;
  size: number;
}

export interface CreatedUpload {
  id: string;
  offset: number;
  chunkSize: number;
  expiresAt: string;
}

/** What `GET /api/fs/uploads/<id>` answers (the server's own type; no server code comes with it). */
export type { UploadStatus as UploadStatusBody } from "@/lib/schemas/upload";

function query(params: Record<string, string | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === true) search.set(key, "1");
    else if (typeof value === "string") search.set(key, value);
  }
  return search.toString();
}

export const uploadUrls = {
  multipart: (dir: string, options: { overwrite: boolean; mkdirs: boolean }) =>
    `/api/fs/upload?${query({ dir, overwrite: options.overwrite, mkdirs: options.mkdirs })}`,
  create: () => "/api/fs/uploads",
  one: (id: string) => `/api/fs/uploads/${encodeURIComponent(id)}`,
  chunk: (id: string, offset: number) => `/api/fs/uploads/${encodeURIComponent(id)}?offset=${offset}`,
  complete: (id: string, overwrite: boolean) => `/api/fs/uploads/${encodeURIComponent(id)}/complete${overwrite ? "?overwrite=1" : ""}`,
  mkdir: () => "/api/fs/mkdir",
  extract: () => "/api/fs/extract",
};

/** `GET /api/fs/zip` for `names` inside `dir` (every entry of `dir` when `names` is empty). */
export function zipHref(dir: string, names: readonly string[], zipName?: string): string {
  const search = new URLSearchParams({ dir });
  for (const name of names) search.append("name", name);
  if (zipName) search.set("zipName", zipName);
  return `/api/fs/zip?${search.toString()}`;
}

/** `GET /api/fs/download` for one file: an attachment the browser's download manager shows. */
export function downloadHref(path: string): string {
  return `/api/fs/download?${new URLSearchParams({ path }).toString()}`;
}

/** Whether a file uploaded into `dir` changes the listing of `path`: it is that folder, or a (maybe new) folder below it. */
export function affectsListing(path: string, dir: string): boolean {
  if (dir === path) return true;
  return dir.startsWith(path === "/" ? "/" : `${path}/`);
}
