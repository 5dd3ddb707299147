import "server-only";
import { createServer, isIPv4, Socket, type AddressInfo, type Server } from "node:net";
import { connect as tlsConnect, TLSSocket } from "node:tls";
import { FTPError, type Client, type FTPContext, type FTPResponse } from "basic-ftp";
import { AppError } from "@/lib/http/errors";
import { onTransferCommand } from "./transfer-hooks";

/** Where Ferry listens for the server's data connections in active mode. */
export interface ActiveModeOptions {
  /** Address to listen on; "" = the local address of the control connection. */
  listenAddress: string;
  /** Address sent in PORT/EPRT; "" = the listening address (set it behind NAT). */
  publicAddress: string;
  /** Inclusive port range to listen in; undefined = any free port. */
  portRange: [number, number] | undefined;
}

const counter = globalThis as { __ferryActiveAccepted?: number };

/** How many active-mode data connections this process accepted (diagnostics and tests). */
export function activeConnectionsAccepted(): number {
  return counter.__ferryActiveAccepted ?? 0;
}

/** "::ffff:1.2.3.4" and "1.2.3.4" are the same peer. */
function plainAddress(address: string | undefined): string {
  return (address ?? "").replace(/^::ffff:(?=\d+\.)/i, "");
}

/** Parses "40000-40100" (or "" for any port). Throws on nonsense so a bad setting shows at startup. */
export function parsePortRange(text: string): [number, number] | undefined {
  if (text.trim() === "") return undefined;
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  const [low, high] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(low >= 1024 && high <= 65535 && low <= high)) throw new Error(`FTP_ACTIVE_PORT_RANGE: "${text}" is not a range like 40000-40100`);
  return [low, high];
}

function listenOn(host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host, port, exclusive: true, backlog: 1 }, () => {
      server.off("error", reject);
      // A later error (EMFILE on accept) must not crash the process: the transfer then times out.
      server.on("error", () => server.close());
      resolve(server);
    });
  });
}

/** Listens on a free port of the range, starting at a random one so parallel transfers rarely collide. */
async function listenInRange(host: string, range: [number, number] | undefined): Promise<Server> {
  if (!range) return listenOn(host, 0);
  const size = range[1] - range[0] + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    try {
      return await listenOn(host, range[0] + ((start + i) % size));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    }
  }
  throw new AppError("ftp_unavailable", "Every port Ferry may use for active-mode transfers is busy. Try again, or use passive mode.");
}

/**
 * Makes `client` transfer in active mode: for each transfer Ferry listens (PORT for IPv4,
 * EPRT for IPv6), the server connects to it, and only a connection from the control
 * connection's peer address is taken (anyone else who finds the port is dropped). Over FTPS
 * the data connection is wrapped in TLS as a client, resuming the control connection's session.
 */
export function applyActiveMode(client: Client, options: ActiveModeOptions): void {
  client.prepareTransfer = async (ftp: FTPContext): Promise<FTPResponse> => {
    const peer = plainAddress(ftp.socket.remoteAddress);
    const host = options.listenAddress || plainAddress(ftp.socket.localAddress);
    const server = await listenInRange(host, options.portRange);
    const { port } = server.address() as AddressInfo;
    const advertised = options.publicAddress || host;
    const command = isIPv4(advertised) ? `PORT ${advertised.replace(/\./g, ",")},${port >> 8},${port & 255}` : `EPRT |2|${advertised}|${port}|`;
    try {
      const reply = await ftp.request(command);
      awaitConnection(ftp, server, peer);
      return reply;
    } catch (err) {
      server.close();
      throw err;
    }
  };
}

/** Wraps an accepted socket in TLS when the control connection is TLS (the FTP client is always the TLS client). */
function secure(ftp: FTPContext, socket: Socket): Socket {
  if (!(ftp.socket instanceof TLSSocket)) return socket;
  const tls = tlsConnect({ ...ftp.tlsOptions, socket, session: ftp.tlsSessionStore ?? ftp.socket.getSession() });
  tls.on("session", (session: Buffer) => {
    ftp.tlsSessionStore = session;
  });
  return tls;
}

/**
 * basic-ftp expects a data socket before the transfer command, but in active mode the server
 * connects only after it. A placeholder satisfies that check; the transfer's replies are held
 * back from the first 1xx ("start sending") until the server's connection is accepted.
 */
function awaitConnection(ftp: FTPContext, server: Server, peer: string): void {
  let ready = false;
  let finished = false;
  let held: Array<FTPResponse | Error> = [];
  let flush: (() => void) | undefined;
  server.on("connection", (socket) => {
    if (ready || finished || plainAddress(socket.remoteAddress) !== peer) {
      socket.destroy();
      return;
    }
    ready = true;
    server.close();
    counter.__ferryActiveAccepted = activeConnectionsAccepted() + 1;
    ftp.dataSocket = secure(ftp, socket);
    flush?.();
  });
  ftp.dataSocket = new Socket();
  // A transfer that never starts must not leave the port open.
  const expiry = setTimeout(() => server.close(), Math.max(ftp.timeout, 5000) * 2);
  expiry.unref();
  onTransferCommand(ftp, (deliver, done) => {
    const close = () => {
      finished = true;
      clearTimeout(expiry);
      server.close();
    };
    void done.then(close, close);
    flush = () => {
      const replies = held;
      held = [];
      for (const reply of replies) deliver(reply);
    };
    return (reply) => {
      if (ready || (reply instanceof Error && !(reply instanceof FTPError))) {
        deliver(reply);
      } else if (reply instanceof FTPError) {
        // Refused, or the server gave up connecting (425): a held 1xx no longer matters.
        held = [];
        deliver(reply);
      } else if (held.length === 0 && !isPreliminary(reply)) {
        deliver(reply);
      } else {
        held.push(reply);
      }
    };
  });
}

function isPreliminary(reply: FTPResponse | Error): boolean {
  return !(reply instanceof Error) && reply.code >= 100 && reply.code < 200;
}
