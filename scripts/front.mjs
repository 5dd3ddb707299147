// The request handler of Ferry's production server (scripts/server.mjs): Next's handler wrapped
// for what `next start` cannot do (see docs/architecture.md). Plain JavaScript because it runs
// before and outside Next's build; test/integration/front.test.ts runs it in front of the routes.

import { randomUUID } from "node:crypto";
import { blockRequestBody, releaseRequestBytes } from "./block-request-body.mjs";

// Next drops Content-Length from route handlers: a route sets this header and it is promoted.
const LENGTH_HEADER = "x-ferry-content-length";
// Ferry's rate limits and audit log need the client's address, which route handlers cannot see:
// pass the socket's, replacing any header of that name a client sent (lib/security/client-ip.ts).
const SOCKET_IP_HEADER = "x-ferry-socket-ip";
// A route that answers with this header handed its body over as a Node stream (lib/http/node-body.ts).
const NODE_BODY_HEADER = "x-ferry-node-body";
// A request with a body names it to the route in this header, which may then read it as a Node
// stream instead of Next's web stream over it (lib/http/node-body.ts); a client's copy is dropped.
const NODE_REQUEST_HEADER = "x-ferry-node-request";

/**
 * Wraps Next's request handler. Installs the registry lib/http/node-body.ts hands bodies over
 * through, and says that the socket-IP header can be trusted.
 * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} handle
 */
export function ferryFront(handle) {
  /** @type {Map<string, import("../lib/http/node-body").PendingNodeBody>} */
  const bodies = new Map();
  globalThis[Symbol.for("ferry.nodeBodies")] = bodies;
  /** @type {Map<string, () => import("../lib/http/node-body").RequestBody>} */
  const requests = new Map();
  globalThis[Symbol.for("ferry.nodeRequests")] = requests;
  globalThis.__ferrySetsSocketIp = true;

  return (req, res) => {
    delete req.headers[SOCKET_IP_HEADER];
    if (req.socket.remoteAddress) req.headers[SOCKET_IP_HEADER] = req.socket.remoteAddress;
    delete req.headers[NODE_REQUEST_HEADER];
    if (req.method === "POST" || req.method === "PUT") {
      const id = randomUUID();
      requests.set(id, () => {
        const blocks = blockRequestBody(req, res);
        return blocks ? { stream: blocks, release: releaseRequestBytes } : { stream: req };
      });
      req.headers[NODE_REQUEST_HEADER] = id;
      res.once("close", () => requests.delete(id));
    }
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      const length = res.getHeader(LENGTH_HEADER);
      if (length !== undefined) {
        res.removeHeader(LENGTH_HEADER);
        if (/^\d+$/.test(String(length))) res.setHeader("content-length", String(length));
      }
      return writeHead.apply(this, args);
    };
    // Next ends a response whose Response had no body; one with a handed-over body is sent from here instead.
    const end = res.end;
    res.end = function (...args) {
      const id = res.getHeader(NODE_BODY_HEADER);
      if (id === undefined) return end.apply(this, args);
      res.end = end;
      res.removeHeader(NODE_BODY_HEADER);
      const body = bodies.get(String(id));
      bodies.delete(String(id));
      if (body) sendNodeBody(body, res);
      else res.destroy();
      return this;
    };
    handle(req, res);
  };
}

/**
 * Writes a handed-over body with backpressure, giving each chunk back once the socket has it.
 * A stream error destroys the response (the browser sees a failed download, never a short file
 * that looks complete); a browser that goes away cancels the stream.
 * @param {import("../lib/http/node-body").PendingNodeBody} body
 * @param {import("node:http").ServerResponse} res
 */
function sendNodeBody(body, res) {
  const { stream, release, cancel } = body;
  body.claimed();
  // It may have failed while Next was still on its way here: its error was emitted to nobody.
  if (stream.destroyed) {
    res.destroy();
    return;
  }
  let ended = false;
  stream.on("data", (chunk) => {
    const more = res.write(chunk, release ? () => release(chunk) : undefined);
    if (!more) stream.pause();
  });
  res.on("drain", () => stream.resume());
  stream.once("end", () => {
    ended = true;
    res.end();
  });
  stream.once("error", () => res.destroy());
  res.once("close", () => {
    if (ended) return;
    cancel();
    stream.destroy();
  });
}
