import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const ORIGIN = "http://ferry.test";

type Handler = (req: Request) => Promise<Response>;

/** The folder of `segments` under app/, a literal folder first, else a dynamic one (`[id]`) as Next matches it. */
function routeDir(segments: string[]): string | undefined {
  let dir = join(root, "app");
  for (const segment of segments) {
    if (existsSync(join(dir, segment))) dir = join(dir, segment);
    else {
      const dynamic = readdirSync(dir).find((name) => /^\[[^.\]]+\]$/.test(name));
      if (!dynamic) return undefined;
      dir = join(dir, dynamic);
    }
  }
  return dir;
}

/** The route module of an API path (`/api/fs/list` → app/api/fs/list/route.ts, `/api/fs/uploads/abc` → …/uploads/[id]/route.ts), or undefined when it is not built. */
export async function routeModule(path: string): Promise<Record<string, Handler> | undefined> {
  const dir = routeDir(path.replace(/^\//, "").split("/"));
  const file = dir && join(dir, "route.ts");
  if (!file || !existsSync(file)) return undefined;
  return (await import(/* @vite-ignore */ file)) as Record<string, Handler>;
}

/** True when Ferry has a handler for `method path`. */
export async function hasRoute(method: string, path: string): Promise<boolean> {
  return typeof (await routeModule(path))?.[method] === "function";
}

export interface CallOptions {
  cookie?: string;
  query?: Record<string, string>;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * Calls Ferry's route handler for `method path` with a real Request, as Ferry's own page sends
 * it (same Origin, X-Ferry-Request). Throws when the route does not exist.
 */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const handler = (await routeModule(path))?.[method];
  if (typeof handler !== "function") throw new Error(`Ferry has no ${method} ${path}`);
  const url = new URL(`${ORIGIN}${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(options.headers);
  if (method !== "GET" && method !== "HEAD") {
    headers.set("origin", ORIGIN);
    headers.set("x-ferry-request", "1");
  }
  if (options.cookie) headers.set("cookie", options.cookie);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  return handler(new Request(url, init));
}

/** Reads a JSON answer; throws with the status and body when it is not `expected`. */
export async function expectJson<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`expected HTTP ${expected}, got ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
