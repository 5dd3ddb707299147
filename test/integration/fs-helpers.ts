import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import { apiRequest } from "./helpers";

type Handler = (req: Request) => Promise<Response>;

/** A folder of this test file's own under the shared FTP root: `remote` for the API, `local` for node:fs checks. */
export async function ownFolder(prefix: string): Promise<{ remote: string; local: string; cleanup(): Promise<void> }> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  const local = join(inject("ftpRoot"), name);
  await mkdir(local, { recursive: true });
  return { remote: `/${name}`, local, cleanup: () => rm(local, { recursive: true, force: true }) };
}

/** POSTs a JSON body to a route handler as Ferry's page would. */
export function post(handler: Handler, path: string, body: unknown, cookie: string, headers: Record<string, string> = {}): Promise<Response> {
  return handler(apiRequest("POST", path, { body, cookie, headers }));
}

/** GETs `path?query` from a route handler. */
export function get(handler: Handler, path: string, query: Record<string, string>, cookie: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
  const req = apiRequest("GET", `${path}?${new URLSearchParams(query)}`, { cookie, headers: init.headers });
  return handler(init.signal ? new Request(req, { signal: init.signal }) : req);
}

/** Reads a whole NDJSON answer into its lines. */
export async function ndjsonLines<T = Record<string, unknown>>(res: Response): Promise<T[]> {
  const text = await res.text();
  return text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as T);
}
