// Reads a large request body in big blocks instead of Node's 64 KiB pieces, for uploads
// (docs/performance.md). Node's HTTP server lets its parser read the socket itself, 64 KiB at a
// time, with a JavaScript callback, a copy and a stream push per piece: on a fast link that is
// most of Ferry's CPU per uploaded byte. Once a route asks for the body, this detaches the
// parser from the socket and reads the rest of the body straight into 4 MiB blocks through the
// socket's user-buffer reads (the `onread` option of net.Socket, set on an accepted socket).
//
// It relies on Node internals (the parser's consume/unconsume, the socket's user-buffer slots),
// so every one is checked first and the plain request stream is used when any is missing, and
// for chunked, small or TLS bodies.

import { Readable } from "node:stream";

const BLOCK_BYTES = 4 * 1024 * 1024;
// Blocks kept for reuse, shared by all uploads of the process (16 MiB).
const SPARE_BLOCKS = 4;
// A block with less room than this left is retired and the next read goes into a fresh one.
const MIN_ROOM = 256 * 1024;
// Bytes gathered (in place, in the block) before they are handed on: writes to the FTP data
// connection of 64 KiB reach half the speed of 1 MiB ones (docs/performance.md). What is read
// is handed on after HAND_ON_WAIT_MS at the latest, so a slow link is not held back.
const HAND_ON_BYTES = 1024 * 1024;
const HAND_ON_WAIT_MS = 5;
// Smaller bodies are left to Node: taking over costs the connection its keep-alive.
const MIN_BODY = 1024 * 1024;

/**
 * Blocks are reused once every byte handed out from them has been written on (`release`): a
 * fresh 4 MiB block per read would cost page faults, and V8 answers that much new memory with a
 * full garbage collection every few dozen MiB, which on its own halves upload speed. A block
 * whose bytes are not all given back (copied, or dropped by a failed upload) is left to the GC.
 * @type {ArrayBuffer[]}
 */
const spare = [];
/** @typedef {{ handedOut: number, released: number, retired: boolean }} BlockState */
/** @type {WeakMap<ArrayBufferLike, BlockState>} */
const blocks = new WeakMap();

/** @returns {{ bytes: Buffer, state: BlockState }} */
function takeBlock() {
  const reused = spare.pop();
  const bytes = reused ? Buffer.from(reused) : Buffer.allocUnsafe(BLOCK_BYTES);
  const state = { handedOut: 0, released: 0, retired: false };
  blocks.set(bytes.buffer, state);
  return { bytes, state };
}

/** @param {ArrayBufferLike} buffer @param {BlockState | undefined} state */
function recycle(buffer, state) {
  if (!state?.retired || state.released !== state.handedOut || blocks.get(buffer) !== state) return;
  blocks.delete(buffer);
  if (spare.length < SPARE_BLOCKS) spare.push(/** @type {ArrayBuffer} */ (buffer));
}

/** @param {{ bytes: Buffer, state: BlockState }} block */
function retire(block) {
  if (block.state.retired) return;
  block.state.retired = true;
  recycle(block.bytes.buffer, block.state);
}

/**
 * Gives back bytes of a body read in blocks once they have been written on and nothing reads
 * them any more. Any other chunk is ignored. Each byte must be given back at most once.
 * @param {Uint8Array} chunk
 */
export function releaseRequestBytes(chunk) {
  const state = blocks.get(chunk.buffer);
  if (!state) return;
  state.released += chunk.length;
  recycle(chunk.buffer, state);
}

/** @param {object} socket @param {string} name */
function slotOf(socket, name) {
  return Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === name);
}

/**
 * The rest of `req`'s body as a stream of blocks, or null when it is not worth it or not
 * possible (then read `req` itself). Call before anything reads `req`. The connection is closed
 * after the response, since the HTTP parser no longer knows where the next request starts.
 * Give each chunk back with `releaseRequestBytes` once it has been written on, so that its
 * block is reused.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @returns {Readable | null}
 */
export function blockRequestBody(req, res) {
  const socket = /** @type {any} */ (req.socket);
  const parser = socket.parser;
  const handle = socket._handle;
  const slots = { buffer: slotOf(socket, "kBuffer"), callback: slotOf(socket, "kBufferCb"), next: slotOf(socket, "kBufferGen") };
  const length = Number(req.headers["content-length"]);
  if (socket.encrypted || !parser?._consumed || typeof parser.unconsume !== "function" || typeof handle?.useUserBuffer !== "function") return null;
  if (!slots.buffer || !slots.callback || !slots.next || socket[slots.buffer] !== null) return null;
  if (req.headers["transfer-encoding"] !== undefined || !Number.isSafeInteger(length) || req.complete || req.readableDidRead) return null;
  if (length - req.readableLength < MIN_BODY) return null;
  // Counted, so tests can tell this path from the plain one.
  globalThis.__ferryBlockRequestBodies = (globalThis.__ferryBlockRequestBodies ?? 0) + 1;
  res.shouldKeepAlive = false;

  let received = 0;
  // The block being read into; none until the socket is taken over.
  let block;
  // Bytes of the block read so far, and where the ones not yet handed on start.
  let filled = 0;
  let pendingFrom = 0;
  let flushTimer;
  // Where reads go once the body is complete: never into a block another upload may reuse.
  const scratch = Buffer.allocUnsafe(16 * 1024);
  const complete = () => received >= length;
  const read = () => {
    if (!block || handle.reading || complete() || socket.destroyed) return;
    handle.reading = true;
    handle.readStart();
  };
  const stopReading = () => {
    if (!handle.reading || socket.destroyed) return;
    handle.reading = false;
    handle.readStop();
  };
  const body = new Readable({
    highWaterMark: BLOCK_BYTES,
    read,
    // Like IncomingMessage: giving up on a body half way drops the connection.
    destroy(err, callback) {
      clearTimeout(flushTimer);
      if (!complete()) socket.destroy();
      if (block) retire(block);
      callback(err);
    },
  });
  const gone = () => body.destroy(Object.assign(new Error("The client closed the connection before the end of the body."), { code: "ECONNRESET" }));

  /** Hands on what was read into the block since the last time; false when the reader is full. */
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (filled === pendingFrom) return true;
    const chunk = block.bytes.subarray(pendingFrom, filled);
    pendingFrom = filled;
    block.state.handedOut += chunk.length;
    return body.push(chunk);
  };
  const onRead = (bytes) => {
    // Bytes past the body would be a pipelined request; the connection closes after this one.
    if (complete()) return false;
    const now = Math.min(bytes, length - received);
    received += now;
    filled += now;
    if (complete()) {
      flush();
      body.push(null);
      retire(block);
      return false;
    }
    if (BLOCK_BYTES - filled < MIN_ROOM) {
      const more = flush();
      retire(block);
      block = takeBlock();
      filled = pendingFrom = 0;
      return more;
    }
    if (filled - pendingFrom >= HAND_ON_BYTES) return flush();
    // Less than that: wait briefly for more, so the FTP side gets few large writes.
    flushTimer ??= setTimeout(() => flush() || stopReading(), HAND_ON_WAIT_MS);
    return true;
  };

  // Taken over on the next turn of the event loop: this may be running inside the parser's
  // 'request' callback, and the parser still hands `req` the body bytes read with the headers.
  setImmediate(() => {
    if (body.destroyed) return;
    for (let chunk; (chunk = req.read()) !== null; ) {
      received += chunk.length;
      body.push(chunk);
    }
    if (complete()) return void body.push(null);
    if (socket.destroyed || socket._handle !== handle) return gone();
    parser.unconsume();
    parser._consumed = false;
    // The server's listeners would hand socket data to the parser and pause it with `req`.
    for (const event of ["data", "pause", "resume"]) socket.removeAllListeners(event);
    socket.once("close", () => complete() || gone());
    block = takeBlock();
    socket[slots.next] = () => (complete() ? scratch : block.bytes.subarray(filled));
    socket[slots.callback] = onRead;
    socket[slots.buffer] = block.bytes;
    handle.useUserBuffer(block.bytes);
    // The parser may have stopped reading for `req`'s sake; the flag says so only then.
    stopReading();
    read();
  });
  return body;
}
