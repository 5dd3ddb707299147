import "server-only";
import { Client, FTPError } from "basic-ftp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { toAppError } from "./errors";
import type { ConnectionProfile } from "./profile";

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

/** Opens, secures and logs in a new basic-ftp client. Closes it and throws an AppError on any failure. */
export async function openClient(profile: ConnectionProfile): Promise<Client> {
  const client = new Client(env().FTP_TIMEOUT_SECONDS * 1000, { allowSeparateTransferHost: false });
  const secureOptions = { host: profile.host, servername: profile.host };
  try {
    if (profile.tls === "implicit") {
      await client.connectImplicitTLS(profile.host, profile.port, secureOptions);
    } else {
      await client.connect(profile.host, profile.port);
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
