// An HTTP error answer from the API, in the shape every route uses: { error: { code, message, details? } }.
import type { TransportResponse } from "./transport";

export class UploadHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "UploadHttpError";
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** The response's JSON body when it is a 2xx; otherwise throws UploadHttpError with the API's code and message. */
export function bodyOrThrow<T>(response: TransportResponse): T {
  if (response.status >= 200 && response.status < 300) return response.body as T;
  const error = (response.body as ErrorBody | null)?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${response.status}`;
  const message = typeof error?.message === "string" ? error.message : `HTTP ${response.status}`;
  const details = error?.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : {};
  throw new UploadHttpError(response.status, code, message, details);
}

/** True for the 409 `exists` answer: the target is there and the request did not say overwrite. */
export function isExistsConflict(err: unknown): err is UploadHttpError {
  return err instanceof UploadHttpError && err.status === 409 && err.code === "exists";
}

/** Milliseconds to wait when the server said 429 (its transfer slots are taken), else null. */
export function busyRetryMs(err: unknown): number | null {
  if (!(err instanceof UploadHttpError) || err.status !== 429) return null;
  const seconds = err.details.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? seconds * 1000 : 2000;
}

/** What the panel shows for a failure: the API's code and message, or `network_error`. */
export function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof UploadHttpError) return { code: err.code, message: err.message };
  return { code: "network_error", message: err instanceof Error ? err.message : String(err) };
}
