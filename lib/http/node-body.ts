import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { toWebStream } from "@/lib/http/web-stream";

/** A streamed response body as a Node stream, with what its sender must know. */
export interface NodeBody {
  stream: Readable;
  /** The browser went away before the end: stop the source. */
  cancel: () => void;
  /** Called with each chunk once it has been handed to the socket, so its memory can be reused. */
  release?: (chunk: Buffer) => void;
}

/** A body handed over to scripts/front.mjs, waiting for the response Next is about to end. */
export interface PendingNodeBody extends NodeBody {
  /** The front took the body; stops the unclaimed-body expiry. */
  claimed: () => void;
}

/**
 * Response header naming a handed-over body (like nginx's X-Accel-Redirect). scripts/front.mjs
 * removes it before the headers go out; the same name is spelled there.
 */
export const NODE_BODY_HEADER = "x-ferry-node-body";

/** Where scripts/front.mjs keeps handed-over bodies; absent when Ferry runs without it (tests, `next start`). */
const registryKey = Symbol.for("ferry.nodeBodies");

/** A body Next never ended the response of (it always does) must not hold an FTP connection. */
const UNCLAIMED_MS = 60_000;

/**
 * A Response whose body is a Node stream. Behind scripts/front.mjs the stream is handed over
 * and written straight into Node's HTTP response: no web-stream hop, and each chunk's memory is
 * given back (`release`) once sent, which large downloads need to approach the speed of a
 * direct FTP transfer. Elsewhere the body is an ordinary web stream. Either way an error of the
 * stream aborts the response instead of ending it cleanly.
 */
export function nodeBodyResponse(body: NodeBody, init: { status: number; headers: Record<string, string> }): Response {
  const registry = (globalThis as Record<symbol, Map<string, PendingNodeBody> | undefined>)[registryKey];
  if (!registry) return new Response(toWebStream(body.stream, body.cancel), init);
  // Until the front takes it, nobody listens: an error then (the FTP side breaking at once) must
  // not be an uncaught 'error' event. The front sees the stream destroyed and aborts the response.
  body.stream.on("error", () => undefined);
  const id = randomUUID();
  const expiry = setTimeout(() => {
    if (!registry.delete(id)) return;
    body.cancel();
    body.stream.destroy();
  }, UNCLAIMED_MS);
  expiry.unref();
  registry.set(id, { ...body, claimed: () => clearTimeout(expiry) });
  return new Response(null, { status: init.status, headers: { ...init.headers, [NODE_BODY_HEADER]: id } });
}

/** Request header naming the request's own Node stream; scripts/front.mjs sets it and drops a client's copy. */
const NODE_REQUEST_HEADER = "x-ferry-node-request";
const requestsKey = Symbol.for("ferry.nodeRequests");

/** A request body as a Node stream. */
export interface RequestBody {
  stream: Readable;
  /** Call with each chunk once it has been written on and nothing reads it any more, so that its memory is reused. */
  release?: (chunk: Buffer) => void;
}

/**
 * A request's body as a Node stream, or null when it has none. Behind scripts/front.mjs it is
 * read from Node's side: a large body in blocks straight off the socket
 * (scripts/block-request-body.mjs), a small one as Node's own request stream. Next's web stream
 * over it copies every chunk and costs a promise per chunk, which halves upload speed
 * (docs/performance.md). Elsewhere it is the web body, adapted. Read it only once, and not
 * together with `req.body`.
 */
export function requestBodyOf(req: Request): RequestBody | null {
  const requests = (globalThis as Record<symbol, Map<string, () => RequestBody> | undefined>)[requestsKey];
  const id = req.headers.get(NODE_REQUEST_HEADER);
  const claim = id && requests?.get(id);
  if (claim) {
    requests!.delete(id);
    return claim();
  }
  return req.body ? { stream: Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>) } : null;
}
