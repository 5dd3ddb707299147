import "server-only";
import type { Client } from "basic-ftp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

// On globalThis so a dev hot reload keeps counting the connections that are still open.
const holder = globalThis as { __ferryOpenConnections?: { count: number } };
const open = (holder.__ferryOpenConnections ??= { count: 0 });

/** FTP control connections this process holds open now. */
export function openConnectionCount(): number {
  return open.count;
}

/**
 * Counts `client` against FTP_MAX_CONNECTIONS_TOTAL (default 200) for as long
 * as it lives; throws 503 `server_busy` when the process is at its limit, before
 * any socket opens. Every way a basic-ftp client ends (close(), a timeout, the
 * server hanging up) goes through its context's `closeWithError`, so that is
 * where the connection is given back.
 */
export function reserveConnectionOrThrow(client: Client): void {
  if (open.count >= env().FTP_MAX_CONNECTIONS_TOTAL) {
    throw new AppError("server_busy", "Ferry has as many FTP connections open as it is allowed to. Try again in a minute.", { headers: { "retry-after": "30" } });
  }
  open.count += 1;
  let released = false;
  const context = client.ftp;
  const closeWithError = context.closeWithError.bind(context);
  context.closeWithError = (err: Error) => {
    if (!released) {
      released = true;
      open.count -= 1;
    }
    closeWithError(err);
  };
}
