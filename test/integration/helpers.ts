import { createServer } from "node:net";
import { inject } from "vitest";
import * as sessionRoute from "@/app/api/session/route";

export const ORIGIN = "http://ferry.test";

export function embeddedFtp() {
  return { host: "127.0.0.1", port: inject("ftpPort"), root: inject("ftpRoot") };
}

interface RequestOptions {
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  /** Leave out the Origin and X-Ferry-Request headers a same-origin fetch from Ferry's page sends. */
  crossSite?: boolean;
}

/** A Request as Ferry's own page would send it. */
export function apiRequest(method: string, path: string, options: RequestOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (!options.crossSite && method !== "GET" && method !== "HEAD") {
    if (!headers.has("origin")) headers.set("origin", ORIGIN);
    if (!headers.has("x-ferry-request")) headers.set("x-ferry-request", "1");
  }
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.body);
  }
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

/** The `name=value` part of a response's Set-Cookie, for the next request. */
export function cookieFrom(res: Response): string {
  const raw = res.headers.get("set-cookie");
  if (!raw) throw new Error("the response set no cookie");
  return raw.split(";")[0]!;
}

/** Logs in to the embedded server as demo/demo (or `overrides`) and returns the session cookie. */
export async function login(overrides: Record<string, unknown> = {}): Promise<string> {
  const { host, port } = embeddedFtp();
  const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo", ...overrides } }));
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookieFrom(res);
}

/** The `{ error }` body of an error response. */
export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}

/** A port on 127.0.0.1 with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
