import "server-only";

/** Error codes of the API and the HTTP status each maps to. */
export const errorStatus = {
  bad_request: 400,
  invalid_path: 400,
  invalid_name: 400,
  unauthenticated: 401,
  session_expired: 401,
  ftp_auth_failed: 401,
  forbidden: 403,
  csrf_rejected: 403,
  target_denied: 403,
  ftp_permission_denied: 403,
  not_found: 404,
  conflict: 409,
  exists: 409,
  offset_mismatch: 409,
  range_not_satisfiable: 416,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  ftp_error: 502,
  host_not_found: 502,
  connection_refused: 502,
  tls_required: 502,
  tls_error: 502,
  tls_untrusted: 502,
  pasv_host_mismatch: 502,
  connection_lost: 502,
  ftp_unavailable: 503,
  server_busy: 503,
  session_store_unavailable: 503,
  timeout: 504,
  insufficient_storage: 507,
  internal: 500,
  not_supported: 501,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error type of the API: a code, a message for people, and its HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Extra facts the UI needs to act (e.g. a certificate to trust); never secrets. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; headers?: Record<string, string>; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.headers = options.headers ?? {};
    this.details = options.details;
  }
}
