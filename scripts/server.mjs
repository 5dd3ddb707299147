// Ferry's production server: Next.js behind a plain Node HTTP server, for two things
// `next start` cannot do (see docs/architecture.md):
//  - keep Content-Length on downloads: App Router responses lose it, so a route sets
//    `X-Ferry-Content-Length` and this server promotes it before the headers go out;
//  - lift Node's 5-minute request timeout, which would cut long upload chunks.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "127.0.0.1";
const dev = process.argv.includes("--dev");

const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const LENGTH_HEADER = "x-ferry-content-length";

// Ferry's rate limits and audit log need the client's address, which route handlers cannot see:
// pass the socket's, replacing any header of that name a client sent (lib/security/client-ip.ts).
const SOCKET_IP_HEADER = "x-ferry-socket-ip";
globalThis.__ferrySetsSocketIp = true;

const server = createServer((req, res) => {
  delete req.headers[SOCKET_IP_HEADER];
  if (req.socket.remoteAddress) req.headers[SOCKET_IP_HEADER] = req.socket.remoteAddress;
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const length = res.getHeader(LENGTH_HEADER);
    if (length !== undefined) {
      res.removeHeader(LENGTH_HEADER);
      if (/^\d+$/.test(String(length))) res.setHeader("content-length", String(length));
    }
    return writeHead.apply(this, args);
  };
  handle(req, res);
});
// Uploads arrive in chunks, but one chunk on a slow line may still take longer than 5 minutes.
server.requestTimeout = 0;
server.headersTimeout = 60_000;
server.listen(port, hostname, () => {
  console.log(`Ferry is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    // Let the other listeners (the FTP pools saying QUIT) run first.
    setImmediate(() => process.exit(0));
  });
}
