import "server-only";
import type { ConnectionOptions } from "node:tls";
import { Client, FTPError } from "basic-ftp";
import { audit } from "@/lib/audit/audit-log";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { reserveConnectionOrThrow } from "@/lib/security/connection-budget";
import { resolveTargetOrThrow, type CheckedTarget } from "@/lib/security/resolve-target";
import { toAppError } from "./errors";
import { applyFilenameEncoding } from "./encoding/apply-filename-encoding";
import type { ConnectionProfile } from "./profile";
import { applyTransferMode } from "./apply-transfer-mode";
import { withCertificateTrust } from "./tls-trust";

/**
 * Logs in step by step instead of basic-ftp's `login()`, so a refusal of the
 * user name (before any password was sent) can be told apart from a wrong password.
 */
async function login(client: Client, profile: ConnectionProfile): Promise<void> {
  const userReply = await client.sendIgnoringError(`USER ${profile.user}`);
  if (userReply.code === 230 || userReply.code === 202) return;
  if (userReply.code === 331) {
    const passReply = await client.sendIgnoringError(`PASS ${profile.password}`);
    if (passReply.code === 230 || passReply.code === 202) return;
    if (passReply.code === 530) {
      throw new AppError("ftp_auth_failed", `The server refused the password for user ${profile.user}.`);
    }
    throw toAppError(new FTPError(passReply));
  }
  if (profile.tls === "none" && (userReply.code === 530 || userReply.code === 534 || userReply.code === 550)) {
    // A server that insists on TLS refuses USER itself; FEAT tells us whether it could do TLS.
    const features = await client.features();
    if (features.has("AUTH")) {
      throw new AppError("tls_required", "The server requires an encrypted connection. Choose explicit TLS and connect again.");
    }
  }
  throw new AppError("ftp_auth_failed", `The server refused the user ${profile.user}.`);
}

/**
 * Opens, secures and logs in a new basic-ftp client. Every connect and pool
 * reconnect comes through here, so the target policy runs before any socket
 * opens, and sockets go only to the checked IP (see lib/security/resolve-target.ts).
 * Closes the client and throws an AppError on any failure.
 */
export async function openClient(profile: ConnectionProfile): Promise<Client> {
  const target = await resolveTargetOrThrow(profile.host, profile.port);
  audit("ftp.connect", { host: target.host, port: target.port, address: target.address, tls: profile.tls });
  return withCertificateTrust(target, profile.tls, profile.trustedFingerprint, (secureOptions) => openClientAt(profile, target, secureOptions));
}

async function openClientAt(profile: ConnectionProfile, target: CheckedTarget, secureOptions: ConnectionOptions): Promise<Client> {
  const client = new Client(env().FTP_TIMEOUT_SECONDS * 1000, { allowSeparateTransferHost: false });
  reserveConnectionOrThrow(client);
  try {
    applyTransferMode(client, profile.transferMode);
    applyFilenameEncoding(client, profile.encoding);
    if (profile.tls === "implicit") {
      await client.connectImplicitTLS(target.address, target.port, secureOptions);
    } else {
      await client.connect(target.address, target.port);
    }
    if (profile.tls === "explicit") await client.useTLS(secureOptions);
    // Before login so a non-ASCII user name or password arrives as UTF-8 where the server allows it.
    await client.sendIgnoringError("OPTS UTF8 ON");
    await login(client, profile);
    await client.useDefaultSettings();
    return client;
  } catch (err) {
    client.close();
    throw toAppError(err);
  }
}
