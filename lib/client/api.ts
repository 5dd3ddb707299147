// The browser's one way to call Ferry's JSON API (docs/api.md).

/** An API failure: the server's `{ error: { code, message, details } }` with the HTTP status (0 when offline). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface ApiOptions {
  signal?: AbortSignal;
  /** Default true: a 401 `unauthenticated`/`session_expired` sends the browser to the login form. */
  redirectOnLogout?: boolean;
}

/** Codes of a 401 that mean "no session" (as opposed to `ftp_auth_failed` on the login form). */
const loggedOutCodes = new Set(["unauthenticated", "session_expired"]);

/**
 * Calls `url` with JSON in and out. Adds `X-Ferry-Request: 1` (required for every state change),
 * answers `undefined` for 204, throws `ApiError` for anything else than 2xx. A lost session
 * redirects to `/login?next=<this page>&reason=<code>` (and still throws, so callers stop).
 */
export async function api<T>(method: string, url: string, body?: unknown, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { "X-Ferry-Request": "1", Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network_error", err instanceof Error ? err.message : "Network error");
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  const error = await apiErrorFromResponse(res);
  if (options.redirectOnLogout !== false) redirectIfLoggedOut(error);
  throw error;
}

/** Reads the JSON error of a failed response (for callers that use fetch directly, e.g. streams). */
export async function apiErrorFromResponse(res: Response): Promise<ApiError> {
  try {
    const data = (await res.json()) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    if (data.error?.code) return new ApiError(res.status, data.error.code, data.error.message ?? data.error.code, data.error.details);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall through.
  }
  return new ApiError(res.status, res.status === 401 ? "unauthenticated" : "http_error", `HTTP ${res.status}`);
}

/** The login form's address that brings the user back to `next` afterwards. */
export function loginHref(next: string, reason?: string): string {
  const params = new URLSearchParams();
  if (next && next !== "/" && next.startsWith("/") && !next.startsWith("//")) params.set("next", next);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}

/** Sends the browser to the login form when `error` says the session is gone. */
export function redirectIfLoggedOut(error: ApiError): boolean {
  if (error.status !== 401 || !loggedOutCodes.has(error.code) || typeof window === "undefined") return false;
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname.startsWith("/login")) return false;
  window.location.assign(loginHref(here, error.code));
  return true;
}
