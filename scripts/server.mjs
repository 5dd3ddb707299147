// Ferry's production server: Next.js behind a plain Node HTTP server, for what `next start`
// cannot do (see docs/architecture.md):
//  - keep Content-Length on downloads, pass the client's socket address, and send large bodies
//    straight from a Node stream (scripts/front.mjs);
//  - lift Node's 5-minute request timeout, which would cut long upload chunks.
import { createServer } from "node:http";
import next from "next";
import { ferryFront } from "./front.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "127.0.0.1";
const dev = process.argv.includes("--dev");

const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(ferryFront(handle));
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
