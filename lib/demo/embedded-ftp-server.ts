import { FtpSrv } from "ftp-srv";
import type { AddressInfo } from "node:net";

export interface EmbeddedFtpOptions {
  /** Folder served as every user's root. */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accepted user names and passwords. */
  users?: Record<string, string>;
  anonymous?: boolean;
  /** Passive port range (inclusive). */
  pasvRange?: [number, number];
  /** Offer TLS with this key and certificate (PEM): explicit (AUTH TLS), or implicit when `implicitTls`. */
  tls?: { key: string; cert: string };
  implicitTls?: boolean;
}

export interface EmbeddedFtpServer {
  host: "127.0.0.1";
  port: number;
  root: string;
  /** Successful logins so far (tests use it to see reconnects). */
  readonly logins: number;
  /** FTP control connections open right now (tests use it to see a session's connections closed). */
  readonly connectionCount: number;
  /** Closes every client connection from the server side, with a reply code first (421) or silently (0), as an idle timeout or restart would. */
  dropConnections(replyCode?: number): Promise<void>;
  close(): Promise<void>;
}

// ftp-srv logs through bunyan; this quiet stand-in keeps test and demo output clean.
const silentLog = {
  child: () => silentLog,
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  fatal() {},
};

/** Starts ftp-srv on 127.0.0.1 (Ferry's demo and test server). */
export async function startEmbeddedFtpServer(options: EmbeddedFtpOptions): Promise<EmbeddedFtpServer> {
  const users = options.users ?? { demo: "demo" };
  const [pasvMin, pasvMax] = options.pasvRange ?? [50_000, 50_999];
  const signals = ["SIGTERM", "SIGINT", "SIGQUIT"] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const server = new FtpSrv({
    url: `${options.tls && options.implicitTls ? "ftps" : "ftp"}://127.0.0.1:${options.port ?? 0}`,
    tls: options.tls ?? false,
    pasv_url: "127.0.0.1",
    pasv_min: pasvMin,
    pasv_max: pasvMax,
    anonymous: options.anonymous ?? true,
    greeting: ["Ferry embedded FTP server"],
    log: silentLog as never,
  });
  // ftp-srv exits the whole process on SIGTERM/SIGINT/SIGQUIT; the host process decides that, not a library.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  let logins = 0;
  server.on("login", ({ username, password }, resolve, reject) => {
    const anonymous = (options.anonymous ?? true) && username === "anonymous";
    if (anonymous || (Object.hasOwn(users, username) && users[username] === password)) {
      logins += 1;
      resolve({ root: options.root });
    } else {
      reject(new Error("Login incorrect."));
    }
  });
  await server.listen();
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    host: "127.0.0.1",
    port: address.port,
    root: options.root,
    get logins() {
      return logins;
    },
    get connectionCount() {
      return Object.keys((server as unknown as { connections: Record<string, unknown> }).connections).length;
    },
    dropConnections: async (replyCode = 0) => {
      const connections = (server as unknown as { connections: Record<string, { close(code: number, message?: string): Promise<void> }> }).connections;
      await Promise.all(Object.values(connections).map((c) => c.close(replyCode, "Closing idle connection")));
    },
    close: async () => {
      await server.close();
    },
  };
}
