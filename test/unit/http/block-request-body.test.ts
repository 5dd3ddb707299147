// scripts/block-request-body.mjs on a real Node HTTP server: a large body read straight off the
// socket in blocks, handed on in place, and blocks reused only once all their bytes came back.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockRequestBody, releaseRequestBytes } from "../../../scripts/block-request-body.mjs";

const MiB = 1024 * 1024;
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** What the server saw of one request: the body (null when left to Node) and the chunks it was read in. */
interface Seen {
  body: Readable | null;
  req: IncomingMessage;
  res: ServerResponse;
}
let server: Server;
let port: number;
let arrivals: Array<(seen: Seen) => void> = [];
const nextRequest = () => new Promise<Seen>((resolve) => arrivals.push(resolve));

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = blockRequestBody(req, res);
    arrivals.shift()!({ body, req, res });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  arrivals = [];
});

const head = (length: number, extra = "") => `PUT /x HTTP/1.1\r\nhost: ferry.test\r\ncontent-length: ${length}\r\n${extra}\r\n`;
/** Opens a connection and writes `first` (the head and perhaps some body) in one write. */
function open(first: Buffer | string): Socket {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  socket.write(first);
  return socket;
}
async function collect(body: Readable, release = true): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  if (release) for (const chunk of chunks) releaseRequestBytes(chunk);
  return chunks;
}
/** Sends `data` as one request's body and answers the chunks the server read it in (not released). */
async function upload(data: Buffer): Promise<Buffer[]> {
  const arrived = nextRequest();
  const socket = open(Buffer.concat([Buffer.from(head(data.length)), data.subarray(0, 1000)]));
  socket.write(data.subarray(1000));
  const { body, res } = await arrived;
  const chunks: Buffer[] = [];
  // Chunks are taken one by one with 'data', as a pipe does (async iteration would gather them).
  body!.on("data", (chunk: Buffer) => chunks.push(chunk));
  await once(body!, "end");
  res.end("ok");
  socket.destroy();
  return chunks;
}

describe("blockRequestBody", () => {
  it("reads the body byte-exact, with the bytes that came with the headers, and nothing past its length", async () => {
    const data = randomBytes(9 * MiB + 17);
    const arrived = nextRequest();
    const socket = open(Buffer.concat([Buffer.from(head(data.length)), data.subarray(0, 100_000)]));
    const { body, res } = await arrived;
    expect(body).not.toBeNull();
    // The rest, and a pipelined request's bytes behind it, which are not this body's.
    socket.write(Buffer.concat([data.subarray(100_000), Buffer.from("GET / HTTP/1.1\r\n\r\n")]));
    const got = Buffer.concat(await collect(body!));
    expect(got.length).toBe(data.length);
    expect(sha256(got)).toBe(sha256(data));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    res.end("done");
    await once(socket, "end");
    // One answer: the pipelined request was never read as one.
    expect(answer.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(answer.endsWith("done")).toBe(true);
    socket.destroy();
  });

  it("closes the connection after the response", async () => {
    const arrived = nextRequest();
    const socket = open(head(2 * MiB));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.write(Buffer.alloc(2 * MiB, 1));
    const { body, res } = await arrived;
    await collect(body!);
    res.end("ok");
    await once(socket, "end");
    expect(answer.toLowerCase()).toContain("connection: close");
  });

  it("hands on what arrived without waiting for more", async () => {
    const arrived = nextRequest();
    const socket = open(head(4 * MiB));
    const { body } = await arrived;
    const first = once(body!, "data");
    socket.write(Buffer.alloc(1000, 7));
    const [chunk] = (await first) as [Buffer];
    expect(chunk.length).toBe(1000);
    const rest: Buffer[] = [];
    body!.on("data", (c: Buffer) => rest.push(c));
    socket.write(Buffer.alloc(4 * MiB - 1000, 8));
    await once(body!, "end");
    expect(rest.reduce((n, c) => n + c.length, 0)).toBe(4 * MiB - 1000);
    socket.destroy();
  });

  it("reuses a block only once every byte handed on from it was released", async () => {
    const first = randomBytes(12 * MiB);
    const held = await upload(first);
    const blocksOf = (chunks: Buffer[]) => new Set(chunks.map((c) => c.buffer).filter((b) => b.byteLength === 4 * MiB));
    const heldBlocks = blocksOf(held);
    expect(heldBlocks.size).toBeGreaterThan(0);
    // While the first body's chunks are held, a second body must not be read into their blocks.
    const second = randomBytes(12 * MiB);
    const other = await upload(second);
    const otherBlocks = blocksOf(other);
    expect([...otherBlocks].some((b) => heldBlocks.has(b))).toBe(false);
    expect(sha256(Buffer.concat(held))).toBe(sha256(first));
    expect(sha256(Buffer.concat(other))).toBe(sha256(second));
    for (const chunk of [...held, ...other]) releaseRequestBytes(chunk);
    // Given back, they are read into again.
    const third = randomBytes(12 * MiB);
    const again = await upload(third);
    expect([...blocksOf(again)].some((b) => heldBlocks.has(b) || otherBlocks.has(b))).toBe(true);
    expect(sha256(Buffer.concat(again))).toBe(sha256(third));
    for (const chunk of again) releaseRequestBytes(chunk);
  });

  it("destroys the body with an error when the client goes away half way", async () => {
    const arrived = nextRequest();
    const socket = open(head(8 * MiB));
    const { body } = await arrived;
    const failed = once(body!, "error");
    const firstData = once(body!, "data");
    socket.write(Buffer.alloc(2 * MiB, 3));
    await firstData;
    socket.destroy();
    const [err] = (await failed) as [NodeJS.ErrnoException];
    expect(err.code).toBe("ECONNRESET");
  });

  it("leaves small and chunked bodies to Node", async () => {
    for (const [first, rest] of [
      [head(100_000), Buffer.alloc(100_000)],
      [`PUT /x HTTP/1.1\r\nhost: ferry.test\r\ntransfer-encoding: chunked\r\n\r\n`, Buffer.from(`${(2 * MiB).toString(16)}\r\n${"a".repeat(2 * MiB)}\r\n0\r\n\r\n`)],
    ] as const) {
      const arrived = nextRequest();
      const socket = open(first);
      socket.write(rest);
      const { body, req, res } = await arrived;
      expect(body).toBeNull();
      req.resume();
      await once(req, "end");
      res.end("ok");
      socket.destroy();
    }
  });
});
