// A scripted FTP server for faults a real one cannot produce (after basic-ftp's
// test/MockFtpServer.js): it answers each command from a table, on 127.0.0.1.
import { createServer, type Server, type Socket } from "node:net";

export type Script = Record<string, string | ((arg: string) => string)>;

const defaults: Script = {
  USER: "331 Password required",
  PASS: "230 Logged in",
  FEAT: "211 No features",
  PWD: '257 "/" is the current directory',
  CWD: "250 OK",
  TYPE: "200 OK",
  STRU: "200 OK",
  OPTS: "200 OK",
  EPSV: "502 Not implemented",
  QUIT: "221 Bye",
};

export interface FakeFtpServer {
  port: number;
  /** Every command received, in order (the password included: tests look for it). */
  commands: string[];
  close(): Promise<void>;
}

/**
 * Starts the fake server; `script` overrides or adds replies by command verb
 * (unknown verbs get 502). `greeting` is the first reply; a 421 greeting is
 * followed by a hang-up, as servers at their connection limit do.
 */
export async function startFakeFtpServer(script: Script = {}, greeting = "220 Fake FTP server"): Promise<FakeFtpServer> {
  const replies = { ...defaults, ...script };
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.setEncoding("utf8");
    socket.write(`${greeting}\r\n`);
    if (greeting.startsWith("421")) {
      socket.end();
      return;
    }
    let buffer = "";
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let eol: number;
      while ((eol = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        commands.push(line);
        const [verb = "", ...rest] = line.split(" ");
        const reply = replies[verb.toUpperCase()] ?? "502 Not implemented";
        socket.write(`${typeof reply === "function" ? reply(rest.join(" ")) : reply}\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    commands,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
