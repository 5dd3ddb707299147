// scripts/front.mjs in front of the real download and zip routes, as in production: bodies are
// handed over as Node streams (lib/http/node-body.ts) and written by the front, not by a web stream.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { connect, type AddressInfo } from "node:net";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as downloadRoute from "@/app/api/fs/download/route";
import * as uploadRoute from "@/app/api/fs/upload/route";
import * as completeRoute from "@/app/api/fs/uploads/[id]/complete/route";
import * as chunkRoute from "@/app/api/fs/uploads/[id]/route";
import * as uploadsRoute from "@/app/api/fs/uploads/route";
import * as zipRoute from "@/app/api/fs/zip/route";
import { poolFor } from "@/lib/ftp/pools";
import { nodeBodyResponse } from "@/lib/http/node-body";
import { activeTransfers } from "@/lib/security/transfer-slots";
import { ferryFront } from "../../scripts/front.mjs";
import { login, ORIGIN } from "./helpers";
import { ownFolder } from "./fs-helpers";
import { faultyFtpServer, hashStream, MiB, multipartBody, patternStream, readWhileBreaking, sessionOf, sha256File, sha256Of, writePatternFile } from "./transfer-helpers";

type Handler = (req: Request) => Promise<Response>;
const routes: Array<[RegExp, Record<string, Handler>]> = [
  [/^\/api\/fs\/download$/, { GET: downloadRoute.GET, HEAD: downloadRoute.HEAD }],
  [/^\/api\/fs\/zip$/, { GET: zipRoute.GET }],
  [/^\/api\/fs\/upload$/, { POST: uploadRoute.POST }],
  [/^\/api\/fs\/uploads$/, { POST: uploadsRoute.POST }],
  [/^\/api\/fs\/uploads\/[^/]+$/, { PUT: chunkRoute.PUT }],
  [/^\/api\/fs\/uploads\/[^/]+\/complete$/, { POST: completeRoute.POST }],
  // What a route sees of the request headers.
  [/^\/headers$/, { GET: echoHeaders, POST: echoHeaders }],
  // A handed-over body that fails before the front takes it (the FTP side broke at once).
  [/^\/failed-early$/, { GET: failedEarly }],
];
async function failedEarly(): Promise<Response> {
  const stream = new PassThrough();
  const res = nodeBodyResponse({ stream, cancel: () => undefined }, { status: 200, headers: { "x-ferry-content-length": "10" } });
  stream.destroy(new Error("the FTP side broke"));
  await new Promise((resolve) => setImmediate(resolve));
  return res;
}
async function echoHeaders(req: Request): Promise<Response> {
  return Response.json(Object.fromEntries(req.headers));
}

/**
 * What Next's request handler does around a route handler: a Request whose body is Node's
 * request stream itself (as Next's NextRequestAdapter passes it), then the Response's status,
 * headers, and its body or `end()`.
 */
async function nextLike(req: IncomingMessage, res: ServerResponse): Promise<void> {
  lastResponse = res;
  const url = new URL(req.url ?? "/", "http://ferry.test");
  const aborted = new AbortController();
  res.once("close", () => res.writableFinished || aborted.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : (req as unknown as BodyInit);
  const handler = routes.find(([pattern]) => pattern.test(url.pathname))![1][req.method!]!;
  const response = await handler(new Request(url, { method: req.method, headers, signal: aborted.signal, body, duplex: "half" } as RequestInit));
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  if (!response.body || req.method === "HEAD") return void res.end();
  Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
}

let lastResponse: ServerResponse | undefined;
const registry = (name = "ferry.nodeBodies") => (globalThis as Record<symbol, Map<string, unknown> | undefined>)[Symbol.for(name)]!;
let server: Server;
let origin: string;
let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
let bigHash: string;
const bigSize = 24 * MiB + 12_345;

beforeAll(async () => {
  server = createServer(ferryFront((req, res) => void nextLike(req, res)));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cookie = await login();
  dir = await ownFolder("front");
  bigHash = await writePatternFile(join(dir.local, "big.bin"), bigSize, 7);
  await writeFile(join(dir.local, "small.txt"), "small file\n");
  await writeFile(join(dir.local, "empty.bin"), "");
}, 60_000);
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("ferry.nodeBodies")];
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("ferry.nodeRequests")];
  await dir.cleanup();
});

const fetchFile = (name: string, init: RequestInit = {}) =>
  fetch(`${origin}/api/fs/download?path=${encodeURIComponent(`${dir.remote}/${name}`)}`, { ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });

describe("scripts/front.mjs with a handed-over download body", () => {
  it("sends the file byte-exact with Content-Length and without Ferry's internal headers", async () => {
    const handedOver = vi.spyOn(registry(), "set");
    const res = await fetchFile("big.bin");
    expect(handedOver).toHaveBeenCalledTimes(1);
    handedOver.mockRestore();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(bigSize));
    expect(res.headers.get("x-ferry-node-body")).toBeNull();
    expect(res.headers.get("x-ferry-content-length")).toBeNull();
    expect(res.headers.get("content-disposition")).toContain("big.bin");
    expect(await hashStream(res.body!)).toEqual({ sha256: bigHash, bytes: bigSize });
    expect(registry().size).toBe(0);
  });

  it("answers a range with 206 and exactly its bytes", async () => {
    const start = 5 * MiB + 3;
    const end = 17 * MiB;
    const res = await fetchFile("big.bin", { headers: { range: `bytes=${start}-${end}` } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${bigSize}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    const whole = Buffer.from(await (await fetchFile("big.bin")).arrayBuffer());
    expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(start, end + 1))).toBe(true);
  });

  it("sends an empty file as an empty body with Content-Length 0", async () => {
    const res = await fetchFile("empty.bin");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("0");
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(registry().size).toBe(0);
  });

  it("destroys the response of a body that failed before the front took it", async () => {
    // Aborted before any header went out: the request itself fails.
    await expect(fetch(`${origin}/failed-early`)).rejects.toThrow();
    expect(lastResponse!.destroyed).toBe(true);
    expect(registry().size).toBe(0);
  });

  it("answers HEAD with the headers only and hands no body over", async () => {
    const res = await fetchFile("small.txt", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("11");
    expect(registry().size).toBe(0);
  });

  it("stops the RETR and frees its slot and connection when the browser goes away", async () => {
    const session = await sessionOf(cookie);
    const pool = poolFor(session);
    const stop = new AbortController();
    const res = await fetchFile("big.bin", { signal: stop.signal });
    const reader = res.body!.getReader();
    expect((await reader.read()).value!.length).toBeGreaterThan(0);
    expect(activeTransfers(session.id)).toBe(1);
    const openDuring = pool.openCount;
    stop.abort();
    await vi.waitFor(() => {
      expect(activeTransfers(session.id)).toBe(0);
      expect(pool.openCount).toBe(openDuring - 1);
    });
    const again = await fetchFile("small.txt");
    expect(await again.text()).toBe("small file\n");
  });

  it("streams a zip through the front", async () => {
    const res = await fetch(`${origin}/api/fs/zip?dir=${encodeURIComponent(dir.remote)}&name=small.txt`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(body.includes(Buffer.from("small file\n"))).toBe(true);
    expect(res.headers.get("content-length")).toBe(String(body.length));
  });
});

describe("scripts/front.mjs with a request body read from Node's own stream", () => {
  /** Counts how often a route took the Node request stream (the handover) instead of the web body. */
  const handedOver = () => {
    const spy = vi.spyOn(registry("ferry.nodeRequests"), "get");
    return () => {
      const taken = spy.mock.results.filter((r) => r.value !== undefined).length;
      spy.mockRestore();
      return taken;
    };
  };
  const send = (path: string, method: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${origin}${path}`, { method, body, headers: { cookie, origin: ORIGIN, "x-ferry-request": "1", ...headers }, duplex: "half", signal } as RequestInit);

  it("stores a multipart upload byte-exact", async () => {
    const taken = handedOver();
    const { body, contentType } = multipartBody([{ name: "up.bin", data: () => patternStream(bigSize, 9) as AsyncIterable<Uint8Array> }]);
    const res = await send(`/api/fs/upload?dir=${encodeURIComponent(dir.remote)}`, "POST", body, { "content-type": contentType });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ files: [{ name: "up.bin", path: `${dir.remote}/up.bin`, size: bigSize }] });
    expect(taken()).toBe(1);
    expect(await sha256File(join(dir.local, "up.bin"))).toBe((await hashStream(patternStream(bigSize, 9))).sha256);
    expect(registry("ferry.nodeRequests").size).toBe(0);
  });

  it("appends resumable chunks byte-exact", async () => {
    const size = 3 * MiB + 5;
    const created = await send("/api/fs/uploads", "POST", JSON.stringify({ dir: dir.remote, name: "chunked.bin", size }), { "content-type": "application/json" });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const parts: Buffer[] = [];
    for await (const part of patternStream(size, 10)) parts.push(part as Buffer);
    const whole = Buffer.concat(parts);
    const taken = handedOver();
    for (const [start, end] of [[0, 2 * MiB], [2 * MiB, size]] as const) {
      const res = await send(`/api/fs/uploads/${id}?offset=${start}`, "PUT", whole.subarray(start, end), { "content-type": "application/octet-stream" });
      expect(await res.json()).toEqual({ offset: end });
    }
    expect(taken()).toBe(2);
    const done = await send(`/api/fs/uploads/${id}/complete`, "POST", "");
    expect(done.status).toBe(200);
    expect(await sha256File(join(dir.local, "chunked.bin"))).toBe(sha256Of(whole));
  });

  it("an upload cut half way leaves the old file intact and no temp file, and frees its slot", async () => {
    await writeFile(join(dir.local, "victim.bin"), "the old content");
    const before = await readdir(dir.local);
    const taken = handedOver();
    const { body, contentType } = multipartBody([{ name: "victim.bin", data: () => patternStream(40 * MiB, 11) as AsyncIterable<Uint8Array> }], 24 * MiB);
    await expect(send(`/api/fs/upload?dir=${encodeURIComponent(dir.remote)}&overwrite=1`, "POST", body, { "content-type": contentType })).rejects.toThrow();
    const session = await sessionOf(cookie);
    await vi.waitFor(() => expect(activeTransfers(session.id)).toBe(0));
    expect(taken()).toBe(1);
    await vi.waitFor(async () => expect(await readdir(dir.local)).toEqual(before));
    expect(await readFile(join(dir.local, "victim.bin"), "utf8")).toBe("the old content");
  });

  it("replaces the internal request headers a client sends with its own", async () => {
    const headers = { "x-ferry-node-request": "chosen-by-the-client", "x-ferry-socket-ip": "10.9.8.7" };
    const seenByGet = (await (await fetch(`${origin}/headers`, { headers })).json()) as Record<string, string>;
    expect(seenByGet["x-ferry-node-request"]).toBeUndefined();
    expect(seenByGet["x-ferry-socket-ip"]).toBe("127.0.0.1");
    const seenByPost = (await (await fetch(`${origin}/headers`, { method: "POST", body: "x", headers })).json()) as Record<string, string>;
    expect(seenByPost["x-ferry-node-request"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("scripts/front.mjs with a large request body read in blocks (scripts/block-request-body.mjs)", () => {
  const bodiesInBlocks = () => (globalThis as { __ferryBlockRequestBodies?: number }).__ferryBlockRequestBodies ?? 0;
  const headOf = (path: string, method: string, headers: Record<string, string>, length: number) =>
    Buffer.from(
      `${method} ${path} HTTP/1.1\r\nhost: ferry.test\r\ncookie: ${cookie}\r\norigin: ${ORIGIN}\r\nx-ferry-request: 1\r\n` +
        Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join("") +
        `content-length: ${length}\r\n\r\n`,
    );
  /** A request on its own connection: the head and the body's first bytes in one write, as browsers send them, then the rest. */
  const exchange = async (head: Buffer, body: Buffer) => {
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.write(Buffer.concat([head, body.subarray(0, 100_000)]));
    socket.write(body.subarray(100_000));
    await once(socket, "end");
    socket.destroy();
    const [top, ...rest] = Buffer.concat(received).toString("latin1").split("\r\n\r\n");
    const answerHead = top!.toLowerCase();
    let answer = rest.join("\r\n\r\n");
    if (answerHead.includes("transfer-encoding: chunked")) {
      let decoded = "";
      let at = 0;
      for (;;) {
        const size = parseInt(answer.slice(at), 16);
        if (!(size > 0)) break;
        const start = answer.indexOf("\r\n", at) + 2;
        decoded += answer.slice(start, start + size);
        at = start + size + 2;
      }
      answer = decoded;
    }
    return { status: Number(answerHead.split(" ")[1]), head: answerHead, body: answer };
  };
  const multipartBytes = async (name: string, size: number, seed: number) => {
    const { body, contentType } = multipartBody([{ name, data: () => patternStream(size, seed) as AsyncIterable<Uint8Array> }]);
    return { bytes: Buffer.from(await new Response(body).arrayBuffer()), contentType };
  };

  it("stores a multipart upload with a Content-Length byte-exact, then closes the connection", async () => {
    const before = bodiesInBlocks();
    const size = 20 * MiB + 7;
    const { bytes, contentType } = await multipartBytes("blocks.bin", size, 12);
    const res = await exchange(headOf(`/api/fs/upload?dir=${encodeURIComponent(dir.remote)}`, "POST", { "content-type": contentType }, bytes.length), bytes);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ files: [{ name: "blocks.bin", path: `${dir.remote}/blocks.bin`, size }] });
    expect(res.head).toContain("connection: close");
    expect(bodiesInBlocks()).toBe(before + 1);
    expect(await sha256File(join(dir.local, "blocks.bin"))).toBe((await hashStream(patternStream(size, 12))).sha256);
  });

  it("appends a resumable chunk byte-exact", async () => {
    const size = 5 * MiB + 1;
    const created = await fetch(`${origin}/api/fs/uploads`, { method: "POST", body: JSON.stringify({ dir: dir.remote, name: "block-chunk.bin", size }), headers: { cookie, origin: ORIGIN, "x-ferry-request": "1", "content-type": "application/json" } });
    const { id } = (await created.json()) as { id: string };
    const parts: Buffer[] = [];
    for await (const part of patternStream(size, 13)) parts.push(part as Buffer);
    const whole = Buffer.concat(parts);
    const before = bodiesInBlocks();
    const res = await exchange(headOf(`/api/fs/uploads/${id}?offset=0`, "PUT", { "content-type": "application/octet-stream" }, size), whole);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ offset: size });
    expect(bodiesInBlocks()).toBe(before + 1);
    const done = await fetch(`${origin}/api/fs/uploads/${id}/complete`, { method: "POST", headers: { cookie, origin: ORIGIN, "x-ferry-request": "1" } });
    expect(done.status).toBe(200);
    expect(await sha256File(join(dir.local, "block-chunk.bin"))).toBe(sha256Of(whole));
  });

  it("leaves a small body to Node and keeps the connection alive", async () => {
    const before = bodiesInBlocks();
    const { bytes, contentType } = await multipartBytes("small-up.bin", 100_000, 14);
    const res = await fetch(`${origin}/api/fs/upload?dir=${encodeURIComponent(dir.remote)}`, { method: "POST", body: bytes, headers: { cookie, origin: ORIGIN, "x-ferry-request": "1", "content-type": contentType } });
    expect(res.status).toBe(200);
    expect(res.headers.get("connection")).toBe("keep-alive");
    expect(bodiesInBlocks()).toBe(before);
    expect(await sha256File(join(dir.local, "small-up.bin"))).toBe((await hashStream(patternStream(100_000, 14))).sha256);
  });

  it("an upload whose connection breaks half way leaves the old file intact and no temp file, and frees its slot", async () => {
    await writeFile(join(dir.local, "block-victim.bin"), "the old content");
    const before = await readdir(dir.local);
    const counted = bodiesInBlocks();
    const { bytes, contentType } = await multipartBytes("block-victim.bin", 40 * MiB, 15);
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write(headOf(`/api/fs/upload?dir=${encodeURIComponent(dir.remote)}&overwrite=1`, "POST", { "content-type": contentType }, bytes.length));
    socket.write(bytes.subarray(0, 24 * MiB));
    // The route took the body over before the connection breaks.
    await vi.waitFor(() => expect(bodiesInBlocks()).toBe(counted + 1));
    socket.destroy();
    const session = await sessionOf(cookie);
    await vi.waitFor(() => expect(activeTransfers(session.id)).toBe(0));
    await vi.waitFor(async () => expect(await readdir(dir.local)).toEqual(before));
    expect(await readFile(join(dir.local, "block-victim.bin"), "utf8")).toBe("the old content");
  });
});

describe("scripts/front.mjs when the FTP side fails half way", () => {
  let fault: Awaited<ReturnType<typeof faultyFtpServer>>;
  beforeAll(async () => {
    fault = await faultyFtpServer([53_150, 53_199]);
  });
  afterAll(() => fault.stop());

  it("destroys the response instead of ending it cleanly", async () => {
    const res = await fetch(`${origin}/api/fs/download?path=/d/big.bin`, { headers: { cookie: fault.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(fault.size));
    const reading = await readWhileBreaking(res.body!, () => fault.server.dropConnections(0));
    await expect(reading.rest).rejects.toThrow();
    expect(reading.got()).toBeLessThan(fault.size);
    // Destroyed, not ended: without a Content-Length (a zip of unknown size) an ended one would look complete.
    expect(lastResponse!.destroyed).toBe(true);
    expect(lastResponse!.writableFinished).toBe(false);
    const session = await sessionOf(fault.cookie);
    await vi.waitFor(() => expect(activeTransfers(session.id)).toBe(0));
  });
});
