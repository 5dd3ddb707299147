import "server-only";
import { FTPError } from "basic-ftp";
import { AppError } from "@/lib/http/errors";

/** Network errors that mean "this server is unreachable", by Node's errno code. */
const networkErrors: Record<string, () => AppError> = {
  ENOTFOUND: () => new AppError("host_not_found", "The server name could not be found. Check the host name."),
  EAI_AGAIN: () => new AppError("host_not_found", "The server name could not be looked up right now. Check the host name and try again."),
  ECONNREFUSED: () => new AppError("connection_refused", "The server refused the connection. Check the host and port, and that an FTP server runs there."),
  EHOSTUNREACH: () => new AppError("connection_refused", "The server cannot be reached from here."),
  ENETUNREACH: () => new AppError("connection_refused", "The server cannot be reached from here."),
  ECONNRESET: () => new AppError("connection_lost", "The server closed the connection unexpectedly."),
  EPIPE: () => new AppError("connection_lost", "The server closed the connection unexpectedly."),
  ETIMEDOUT: () => new AppError("timeout", "The server did not answer in time."),
};

/**
 * basic-ftp reports its own timeouts as plain errors named after the socket
 * ("Timeout (control socket)"); they carry no code, so this is the one place
 * that looks at a library message. Server replies are only ever mapped by code.
 */
function isClientTimeout(err: Error): boolean {
  return err.message.startsWith("Timeout");
}

/**
 * basic-ftp refuses a PASV reply that names another host than the control
 * connection (FTP bounce protection, `allowSeparateTransferHost: false`) with a
 * plain error; its text is the only mark it carries. Returns the named host.
 */
function pasvOtherHost(err: Error): string | undefined {
  const match = /PASV returned another host \(([^)]{1,64})\)/.exec(err.message);
  return match?.[1];
}

/** Maps an FTP reply code to the API error a person can act on. */
export function fromReplyCode(code: number, cause?: unknown): AppError {
  const opts = { cause };
  switch (code) {
    case 530:
      return new AppError("ftp_auth_failed", "The server refused the login. Check the user name and password.", opts);
    case 550:
      return new AppError("not_found", "The server says this file or folder is not available: it may not exist, or you may not have access to it.", opts);
    case 553:
      return new AppError("invalid_name", "The server does not accept this file name.", opts);
    case 450:
      return new AppError("ftp_unavailable", "The file is busy on the server. Try again in a moment.", opts);
    case 452:
    case 552:
      return new AppError("insufficient_storage", "The server has no space left for this file.", opts);
    case 421:
      return new AppError("ftp_unavailable", "The server is not accepting more connections right now (it may limit connections per user). Try again in a moment.", opts);
    case 425:
    case 426:
      return new AppError("connection_lost", "The data connection to the server failed. Try again.", opts);
    case 522:
    case 534:
      return new AppError("tls_error", "The server and Ferry could not agree on an encrypted connection.", opts);
    case 500:
    case 501:
    case 502:
    case 504:
      return new AppError("ftp_error", "The server does not support this command.", opts);
    default:
      return new AppError("ftp_error", `The server refused the request (reply ${code}).`, opts);
  }
}

/** Turns anything thrown while talking to an FTP server into an AppError. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof FTPError) return fromReplyCode(err.code, err);
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    const mapped = code ? networkErrors[code] : undefined;
    if (mapped) return Object.assign(mapped(), { cause: err });
    if (code?.startsWith("ERR_TLS") || code?.startsWith("ERR_SSL") || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || code === "SELF_SIGNED_CERT_IN_CHAIN" || code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" || code === "CERT_HAS_EXPIRED") {
      return new AppError("tls_error", "The server's TLS certificate could not be verified.", { cause: err });
    }
    const otherHost = pasvOtherHost(err);
    if (otherHost !== undefined) {
      return new AppError(
        "pasv_host_mismatch",
        `The server asked Ferry to open its data connection to another address (${otherHost}) than the one it is connected to. Ferry refuses that for safety; the server's passive-mode address setting needs fixing.`,
        { cause: err },
      );
    }
    if (isClientTimeout(err)) return new AppError("timeout", "The server did not answer in time.", { cause: err });
  }
  return new AppError("internal", "Something went wrong while talking to the FTP server.", { cause: err });
}

/** True when the error means the connection itself is gone (as opposed to a refused command). */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof FTPError) return err.code === 421;
  return err instanceof Error && !(err instanceof AppError);
}
