import "server-only";
import type { Client } from "basic-ftp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { TransferMode } from "@/lib/schemas/session";
import { parsePortRange, applyActiveMode } from "./active-mode";

/**
 * Sets how `client` opens data connections: passive (basic-ftp's EPSV/PASV, default) or
 * active (lib/ftp/active-mode.ts). Throws 403 when active mode is asked for but turned off
 * (`FTP_ACTIVE_ENABLED=false`). Call before connecting.
 */
export function applyTransferMode(client: Client, mode: TransferMode): void {
  if (mode !== "active") return;
  const settings = env();
  if (!settings.FTP_ACTIVE_ENABLED) {
    throw new AppError("forbidden", "Active mode is turned off on this Ferry server. Connect in passive mode.");
  }
  applyActiveMode(client, {
    listenAddress: settings.FTP_ACTIVE_LISTEN_ADDRESS,
    publicAddress: settings.FTP_ACTIVE_PUBLIC_ADDRESS,
    portRange: parsePortRange(settings.FTP_ACTIVE_PORT_RANGE),
  });
}
