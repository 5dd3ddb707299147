import "server-only";
import { AppError } from "./errors";

const noStore = { "cache-control": "no-store" };

/** A JSON response that no cache keeps. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("cache-control", "no-store");
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(data), { ...init, headers });
}

/** The API's single error shape: `{ error: { code, message } }`. */
export function errorResponse(error: AppError): Response {
  const details = error.details ? { details: error.details } : {};
  return json({ error: { code: error.code, message: error.message, ...details } }, { status: error.status, headers: { ...noStore, ...error.headers } });
}
