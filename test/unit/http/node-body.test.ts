import { PassThrough, Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nodeBodyResponse, requestBodyOf, type PendingNodeBody } from "@/lib/http/node-body";

const bodiesKey = Symbol.for("ferry.nodeBodies");
const requestsKey = Symbol.for("ferry.nodeRequests");
const slots = globalThis as Record<symbol, unknown>;

afterEach(() => {
  delete slots[bodiesKey];
  delete slots[requestsKey];
  vi.useRealTimers();
});

describe("nodeBodyResponse", () => {
  it("without scripts/front.mjs answers the stream as an ordinary web body", async () => {
    const res = nodeBodyResponse({ stream: Readable.from([Buffer.from("abc"), Buffer.from("def")]), cancel: () => undefined }, { status: 200, headers: { "x-a": "1" } });
    expect(res.headers.get("x-ferry-node-body")).toBeNull();
    expect(res.headers.get("x-a")).toBe("1");
    expect(await res.text()).toBe("abcdef");
  });

  it("behind the front hands the stream over under a random id named in the response", () => {
    const bodies = new Map<string, PendingNodeBody>();
    slots[bodiesKey] = bodies;
    const stream = new PassThrough();
    const res = nodeBodyResponse({ stream, cancel: () => undefined }, { status: 206, headers: {} });
    const id = res.headers.get("x-ferry-node-body")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.status).toBe(206);
    expect(res.body).toBeNull();
    expect(bodies.get(id)!.stream).toBe(stream);
  });

  /** A body handed over to a (pretend) front, with fake timers running. */
  function handedOver() {
    vi.useFakeTimers();
    const bodies = new Map<string, PendingNodeBody>();
    slots[bodiesKey] = bodies;
    const stream = new PassThrough();
    const cancel = vi.fn();
    const id = nodeBodyResponse({ stream, cancel }, { status: 200, headers: {} }).headers.get("x-ferry-node-body")!;
    return { bodies, stream, cancel, id };
  }

  it("stops a handed-over body that is never sent after a minute", () => {
    const { bodies, stream, cancel } = handedOver();
    vi.advanceTimersByTime(59_000);
    expect(cancel).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(cancel).toHaveBeenCalledOnce();
    expect(stream.destroyed).toBe(true);
    expect(bodies.size).toBe(0);
  });

  it("leaves a claimed body alone", () => {
    const { bodies, stream, cancel, id } = handedOver();
    const pending = bodies.get(id)!;
    bodies.delete(id);
    pending.claimed();
    vi.advanceTimersByTime(120_000);
    expect(cancel).not.toHaveBeenCalled();
    expect(stream.destroyed).toBe(false);
  });
});

describe("requestBodyOf", () => {
  const request = (headers: Record<string, string>, body?: string) => new Request("http://ferry.test/x", { method: "POST", headers, body });

  it("claims the Node stream the front registered under the request's id, once", () => {
    const own = Readable.from([Buffer.from("node")]);
    const requests = new Map<string, () => { stream: Readable }>([["id-1", () => ({ stream: own })]]);
    slots[requestsKey] = requests;
    expect(requestBodyOf(request({ "x-ferry-node-request": "id-1" }, "web"))?.stream).toBe(own);
    expect(requests.size).toBe(0);
  });

  it("reads the web body when the id names nothing or the front is absent", async () => {
    slots[requestsKey] = new Map<string, () => { stream: Readable }>();
    const text = async (body: { stream: Readable } | null) => {
      let all = "";
      for await (const chunk of body!.stream) all += String(chunk);
      return all;
    };
    expect(await text(requestBodyOf(request({ "x-ferry-node-request": "unknown" }, "web one")))).toBe("web one");
    delete slots[requestsKey];
    expect(await text(requestBodyOf(request({ "x-ferry-node-request": "id-1" }, "web two")))).toBe("web two");
    expect(requestBodyOf(new Request("http://ferry.test/x", { method: "POST" }))).toBeNull();
  });
});
