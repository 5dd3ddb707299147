import { PassThrough, Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/errors";
import { clientIpOf } from "@/lib/security/client-ip";
import { SlidingWindowCounter } from "@/lib/security/rate-limit";
import { transferGuard } from "@/lib/security/transfer-guard";
import { acquireTransferSlot, activeTransfers } from "@/lib/security/transfer-slots";
import { setEnv } from "../../security/env";

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { __ferrySetsSocketIp?: boolean }).__ferrySetsSocketIp;
});

describe("SlidingWindowCounter", () => {
  it("frees a key as its oldest events leave the window", () => {
    const counter = new SlidingWindowCounter(60_000);
    counter.add("a", 2, 0);
    counter.add("a", 2, 10_000);
    expect(counter.retryAfterSeconds("a", 2, 20_000)).toBe(40);
    expect(counter.retryAfterSeconds("a", 2, 60_000)).toBe(0);
    expect(counter.retryAfterSeconds("b", 2, 20_000)).toBe(0);
  });

  it("keeps at most maxKeys keys", () => {
    const counter = new SlidingWindowCounter(60_000, 2);
    counter.add("a", 1, 0);
    counter.add("b", 1, 0);
    counter.add("c", 1, 0);
    expect(counter.retryAfterSeconds("a", 1, 1)).toBe(0);
    expect(counter.retryAfterSeconds("c", 1, 1)).toBeGreaterThan(0);
  });
});

describe("acquireTransferSlot", () => {
  it("allows TRANSFERS_PER_SESSION at once, then 429 with Retry-After, and frees on release", () => {
    const restore = setEnv({ TRANSFERS_PER_SESSION: "2" });
    try {
      const session = { id: "slot-test" };
      const first = acquireTransferSlot(session);
      acquireTransferSlot(session);
      let refused: unknown;
      try {
        acquireTransferSlot(session);
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).status).toBe(429);
      expect((refused as AppError).headers["retry-after"]).toBe("2");
      first();
      first();
      expect(activeTransfers(session.id)).toBe(1);
      expect(() => acquireTransferSlot({ id: "other-session" })).not.toThrow();
      expect(() => acquireTransferSlot(session)).not.toThrow();
    } finally {
      restore();
    }
  });
});

describe("clientIpOf", () => {
  const req = (headers: Record<string, string>) => new Request("http://ferry.test/", { headers });

  it.each([
    ["0", { "x-forwarded-for": "1.1.1.1", "x-ferry-socket-ip": "9.9.9.9" }, true, "9.9.9.9"],
    ["0", { "x-ferry-socket-ip": "9.9.9.9" }, false, "unknown"],
    ["1", { "x-forwarded-for": "6.6.6.6, 1.1.1.1", "x-ferry-socket-ip": "9.9.9.9" }, true, "1.1.1.1"],
    ["2", { "x-forwarded-for": "6.6.6.6, 1.1.1.1, 2.2.2.2" }, false, "1.1.1.1"],
    ["2", { "x-forwarded-for": "2.2.2.2" }, true, "unknown"],
  ])("TRUST_PROXY=%s, headers %j, socket header trusted %s → %s", (hops, headers, trusted, expected) => {
    const restore = setEnv({ TRUST_PROXY: hops });
    try {
      if (trusted) (globalThis as { __ferrySetsSocketIp?: boolean }).__ferrySetsSocketIp = true;
      expect(clientIpOf(req(headers))).toBe(expected);
    } finally {
      restore();
    }
  });
});

describe("transferGuard", () => {
  it("aborts a transfer whose reader stopped reading (backpressure), freeing both ends", async () => {
    const source = new PassThrough();
    const stalledSink = new Writable({ highWaterMark: 1, write: () => undefined });
    const done = pipeline(source, transferGuard({ idleMs: 100, minBytesPerSecond: 0 }), stalledSink);
    source.write(Buffer.alloc(64 * 1024));
    source.write(Buffer.alloc(64 * 1024));
    await expect(done).rejects.toMatchObject({ code: "timeout" });
    expect(source.destroyed).toBe(true);
  });

  it("aborts a transfer slower than the minimum rate", async () => {
    const source = new Readable({ read() {} });
    const feeder = setInterval(() => source.push(Buffer.alloc(10)), 20);
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    try {
      await expect(pipeline(source, transferGuard({ idleMs: 60_000, minBytesPerSecond: 10_000, windowMs: 200 }), sink)).rejects.toThrow(/slower than 10000 bytes per second/);
    } finally {
      clearInterval(feeder);
    }
  });

  it("passes a healthy transfer through unchanged", async () => {
    const chunks = [Buffer.from("hello "), Buffer.from("world")];
    const received: Buffer[] = [];
    await pipeline(Readable.from(chunks), transferGuard({ idleMs: 1000 }), new Writable({ write: (c: Buffer, _e, cb) => (received.push(c), cb()) }));
    expect(Buffer.concat(received).toString()).toBe("hello world");
  });
});
