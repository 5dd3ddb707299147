import { describe, expect, it } from "vitest";
import { discardInterrupted, findInterrupted, isSameFile } from "@/lib/client/transfers/interrupted-uploads";
import { ResumeStore } from "@/lib/client/transfers/resume-store";
import { NetworkError } from "@/lib/client/transfers/transport";
import { UploadQueue, type QueueOptions } from "@/lib/client/transfers/upload-queue";
import type { UploadItem } from "@/lib/client/transfers/upload-item";
import { FakeTransferServer, memoryStorage, textFile } from "./transfers-fake-server";

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

/** Resolves when `ready()` holds after some change of the queue (event-driven, no polling). */
function until(queue: UploadQueue, ready: () => boolean): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = queue.subscribe(() => {
      if (!ready()) return;
      stop();
      resolve();
    });
  });
}

function setup(options: Partial<QueueOptions> = {}) {
  const server = new FakeTransferServer();
  const storage = memoryStorage();
  const delays: number[] = [];
  const queue = new UploadQueue({
    transport: server.transport,
    resume: new ResumeStore(storage),
    chunkedAbove: 8,
    now: () => 0,
    delay: async (ms) => void delays.push(ms),
    ...options,
  });
  const item = (id: number) => queue.getSnapshot().find((i) => i.id === id) as UploadItem;
  return { server, storage, queue, item, delays };
}

describe("UploadQueue: small files (multipart)", () => {
  it("uploads through POST /api/fs/upload with the folder, reports progress and the result", async () => {
    const { server, queue, item } = setup();
    const progress: number[] = [];
    queue.subscribe(() => progress.push(queue.getSnapshot()[0]!.loaded));
    const finished: string[] = [];
    queue.onFinished((_, result) => finished.push(result.path));
    const [id] = queue.add([{ file: textFile("a.txt", "hello"), dir: "/docs" }]);
    await queue.whenSettled();
    expect(text(server.files.get("/docs/a.txt"))).toBe("hello");
    expect(server.requests).toEqual([{ method: "POST", url: "/api/fs/upload?dir=%2Fdocs" }]);
    expect(item(id!)).toMatchObject({ status: "done", loaded: 5, size: 5, chunked: false, error: null });
    // Progress is scaled from the request's bytes (multipart headers included) to the file's.
    expect(progress).toContain(2); // 102 of 205 request bytes
    expect(Math.max(...progress)).toBe(5);
    expect(finished).toEqual(["/docs/a.txt"]);
  });

  it("runs at most `parallel` uploads at once and queues the rest in order", async () => {
    const { server, queue, item } = setup({ parallel: 3 });
    server.hold = true;
    const ids = queue.add(["1", "2", "3", "4", "5"].map((n) => ({ file: textFile(`${n}.txt`, n), dir: "/" })));
    await server.whenHeld(3);
    expect(server.heldRequests).toHaveLength(3);
    expect(ids.map((id) => item(id).status)).toEqual(["uploading", "uploading", "uploading", "queued", "queued"]);
    server.release();
    await server.whenHeld(3);
    expect(ids.map((id) => item(id).status)).toEqual(["done", "uploading", "uploading", "uploading", "queued"]);
    server.hold = false;
    for (let i = 0; i < 3; i++) server.release();
    await queue.whenSettled();
    expect([...server.files.keys()].sort()).toEqual(["/1.txt", "/2.txt", "/3.txt", "/4.txt", "/5.txt"]);
  });

  it("fails a file on an error answer and uploads it on retry", async () => {
    const { server, queue, item } = setup();
    let down = true;
    server.faults.push(() => (down ? { status: 507, body: { error: { code: "insufficient_storage", message: "The server is full" } } } : null));
    const [id] = queue.add([{ file: textFile("a.txt", "x"), dir: "/d" }]);
    await queue.whenSettled();
    expect(item(id!)).toMatchObject({ status: "failed", error: { code: "insufficient_storage", message: "The server is full" } });
    down = false;
    queue.retry(id!);
    await queue.whenSettled();
    expect(item(id!)).toMatchObject({ status: "done", error: null });
    expect(text(server.files.get("/d/a.txt"))).toBe("x");
  });

  it("cancels a queued file without sending it, and a running one by aborting it", async () => {
    const { server, queue, item } = setup({ parallel: 1 });
    server.hold = true;
    const [first, second] = queue.add([{ file: textFile("a.txt", "a"), dir: "/" }, { file: textFile("b.txt", "b"), dir: "/" }]);
    await server.whenHeld(1);
    queue.cancel(second!);
    queue.cancel(first!);
    await queue.whenSettled();
    expect(item(first!).status).toBe("cancelled");
    expect(item(second!).status).toBe("cancelled");
    expect(server.files.size).toBe(0);
    expect(server.requests).toHaveLength(1);
    queue.clearFinished();
    expect(queue.getSnapshot()).toEqual([]);
  });
});

describe("UploadQueue: conflicts", () => {
  it("asks, and 'keep both' takes the next free name without asking again", async () => {
    const { server, queue, item } = setup();
    server.files.set("/d/a.txt", new Uint8Array([1]));
    server.files.set("/d/a (1).txt", new Uint8Array([2]));
    const [id] = queue.add([{ file: textFile("a.txt", "new"), dir: "/d" }]);
    await queue.whenSettled();
    expect(item(id!).status).toBe("conflict");
    expect(queue.pendingConflict()?.id).toBe(id);
    queue.resolveConflict(id!, "keepBoth");
    await queue.whenSettled();
    expect(item(id!)).toMatchObject({ status: "done", targetName: "a (2).txt" });
    expect(text(server.files.get("/d/a (2).txt"))).toBe("new");
    expect(server.files.get("/d/a.txt")).toEqual(new Uint8Array([1]));
  });

  it("'replace' sends overwrite=1; 'skip' leaves the file alone", async () => {
    const { server, queue, item } = setup();
    server.files.set("/d/a.txt", new Uint8Array([1]));
    server.files.set("/d/b.txt", new Uint8Array([2]));
    const [a, b] = queue.add([{ file: textFile("a.txt", "A"), dir: "/d" }, { file: textFile("b.txt", "B"), dir: "/d" }]);
    await queue.whenSettled();
    queue.resolveConflict(a!, "replace");
    await queue.whenSettled();
    expect(queue.pendingConflict()?.id).toBe(b);
    queue.resolveConflict(b!, "skip");
    await queue.whenSettled();
    expect(item(a!).status).toBe("done");
    expect(item(b!).status).toBe("skipped");
    expect(text(server.files.get("/d/a.txt"))).toBe("A");
    expect(server.files.get("/d/b.txt")).toEqual(new Uint8Array([2]));
    expect(server.requests.map((r) => r.url)).toContain("/api/fs/upload?dir=%2Fd&overwrite=1");
  });

  it("'apply to all' answers the batch's other conflicts, present and later, but not another batch's", async () => {
    const { server, queue, item } = setup({ parallel: 1 });
    for (const n of ["1", "2", "3"]) server.files.set(`/d/${n}.txt`, new Uint8Array([0]));
    const ids = queue.add(["1", "2", "3"].map((n) => ({ file: textFile(`${n}.txt`, `new${n}`), dir: "/d" })));
    await queue.whenSettled();
    expect(ids.map((id) => item(id).status)).toEqual(["conflict", "conflict", "conflict"]);
    queue.resolveConflict(ids[0]!, "keepBoth", true);
    await queue.whenSettled();
    expect(ids.map((id) => item(id).targetName)).toEqual(["1 (1).txt", "2 (1).txt", "3 (1).txt"]);
    expect(ids.map((id) => item(id).status)).toEqual(["done", "done", "done"]);
    const [later] = queue.add([{ file: textFile("1.txt", "again"), dir: "/d" }]);
    await queue.whenSettled();
    expect(item(later!).status).toBe("conflict");
  });
});

describe("UploadQueue: chunked, resumable uploads", () => {
  const content = "0123456789abcdefghij"; // 20 bytes, chunks of 4

  it("creates, sends chunks at offsets and completes; the bytes arrive exact", async () => {
    const { server, queue, item, storage } = setup();
    const [id] = queue.add([{ file: textFile("big.bin", content), dir: "/up", mkdirs: true }]);
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
    expect(item(id!)).toMatchObject({ status: "done", chunked: true, loaded: 20 });
    const urls = server.requests.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual([
      "POST /api/fs/uploads",
      ...[0, 4, 8, 12, 16].map((o) => `PUT /api/fs/uploads/u1?offset=${o}`),
      "POST /api/fs/uploads/u1/complete",
    ]);
    expect(storage.map.size).toBe(0); // forgotten once complete
  });

  it("after a network error asks the server for its offset and continues", async () => {
    const { server, queue, delays } = setup();
    let failures = 2;
    server.faults.push((req) => (req.method === "PUT" && req.url.endsWith("offset=8") && failures-- > 0 ? new NetworkError() : null));
    queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
    expect(delays).toEqual([1000, 2000]);
    expect(server.requests.filter((r) => r.method === "GET")).toHaveLength(2);
  });

  it("resyncs from details.offset on a 409 offset_mismatch", async () => {
    const { server, queue } = setup();
    let once = true;
    // The server lost the chunk at 4 (its temp file is 4 bytes long): the PUT at 8 is answered with the real offset.
    server.faults.push((req) => {
      const upload = server.uploads.get("u1");
      if (req.method === "PUT" && req.url.endsWith("offset=8") && once && upload) {
        once = false;
        upload.bytes = upload.bytes.slice(0, 4);
      }
      return null;
    });
    queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
    const puts = server.requests.filter((r) => r.method === "PUT").map((r) => r.url.split("=")[1]);
    expect(puts).toEqual(["0", "4", "8", "4", "8", "12", "16"]);
  });

  it("gives up after maxChunkRetries failures in a row, then retry resumes from the server's offset", async () => {
    const { server, queue, item } = setup({ maxChunkRetries: 2 });
    let down = true;
    server.faults.push((req) => (down && req.method === "PUT" && req.url.endsWith("offset=12") ? new NetworkError() : null));
    const [id] = queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    expect(item(id!)).toMatchObject({ status: "failed", error: { code: "network_error" }, loaded: 12 });
    down = false;
    const before = server.requests.length;
    queue.retry(id!);
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
    const after = server.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    expect(after).toEqual(["GET /api/fs/uploads/u1", "PUT /api/fs/uploads/u1?offset=12", "PUT /api/fs/uploads/u1?offset=16", "POST /api/fs/uploads/u1/complete"]);
  });

  it("retryNetworkFailures queues again only the files that failed for want of a connection", async () => {
    const { server, queue, item } = setup({ maxChunkRetries: 0 });
    let offline = true;
    server.faults.push((req) => (offline && req.url.includes("offset=4") ? new NetworkError() : null));
    server.faults.push((req) => (req.url.includes("refused") ? { status: 403, body: { error: { code: "ftp_permission_denied", message: "no" } } } : null));
    const [big, refused] = queue.add([{ file: textFile("big.bin", content), dir: "/up" }, { file: textFile("x.txt", "x"), dir: "/refused" }]);
    await queue.whenSettled();
    expect([item(big!).status, item(refused!).status]).toEqual(["failed", "failed"]);
    offline = false;
    queue.retryNetworkFailures();
    await queue.whenSettled();
    expect([item(big!).status, item(refused!).status]).toEqual(["done", "failed"]);
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
  });

  it("continues after a page reload: a new queue finds the id in storage and the offset on the server", async () => {
    const first = setup();
    first.server.faults.push((req) => (req.method === "PUT" && req.url.endsWith("offset=8") ? new NetworkError() : null));
    first.queue.add([{ file: textFile("big.bin", content, 77), dir: "/up" }]);
    // Simulate the reload: the first page stops (cancelling would delete the upload; it just goes away).
    await first.server.whenHeld(0);
    await first.queue.whenSettled();
    expect(first.server.uploads.get("u1")?.bytes.length).toBe(8);
    const reloaded = new UploadQueue({ transport: first.server.transport, resume: new ResumeStore(first.storage), chunkedAbove: 8, delay: async () => undefined });
    first.server.faults.length = 0;
    const before = first.server.requests.length;
    reloaded.add([{ file: textFile("big.bin", content, 77), dir: "/up" }]);
    await reloaded.whenSettled();
    expect(text(first.server.files.get("/up/big.bin"))).toBe(content);
    expect(first.server.requests.slice(before).map((r) => `${r.method} ${r.url}`).slice(0, 2)).toEqual(["GET /api/fs/uploads/u1", "PUT /api/fs/uploads/u1?offset=8"]);
  });

  it("starts a new upload when the server no longer knows the remembered one", async () => {
    const { server, queue, storage } = setup();
    storage.map.set('ferry.upload:["/up","big.bin",20,1700000000000]', JSON.stringify({ id: "gone", chunkSize: 4, expiresAt: "2999-01-01T00:00:00Z" }));
    queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
    expect(server.requests.slice(0, 2).map((r) => `${r.method} ${r.url}`)).toEqual(["GET /api/fs/uploads/gone", "POST /api/fs/uploads"]);
  });

  it("cancel aborts the chunk, deletes the server's upload and forgets the id", async () => {
    const { server, queue, item, storage } = setup();
    server.hold = true;
    const [id] = queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await server.whenHeld(1);
    server.release(); // create
    await server.whenHeld(1); // first chunk
    expect(storage.map.size).toBe(1);
    server.hold = false;
    queue.cancel(id!);
    await queue.whenSettled();
    expect(item(id!).status).toBe("cancelled");
    expect(server.requests.at(-1)).toEqual({ method: "DELETE", url: "/api/fs/uploads/u1" });
    expect(server.uploads.size).toBe(0);
    expect(storage.map.size).toBe(0);
  });

  it("a name taken while uploading is asked at 'complete'; 'replace' completes the same upload with overwrite", async () => {
    const { server, queue, item } = setup();
    server.faults.push((req) => {
      if (req.method === "PUT" && req.url.endsWith("offset=16")) server.files.set("/up/big.bin", new Uint8Array([7]));
      return null;
    });
    const [id] = queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    expect(item(id!).status).toBe("conflict");
    const before = server.requests.length;
    queue.resolveConflict(id!, "replace");
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual(["GET /api/fs/uploads/u1", "POST /api/fs/uploads/u1/complete?overwrite=1"]);
  });

  it("'keep both' after a refused 'complete' deletes that upload and sends the file under the new name", async () => {
    const { server, queue, item, storage } = setup();
    server.faults.push((req) => {
      if (req.method === "PUT" && req.url.endsWith("offset=16")) server.files.set("/up/big.bin", new Uint8Array([7]));
      return null;
    });
    const [id] = queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    queue.resolveConflict(id!, "keepBoth");
    await queue.whenSettled();
    expect(item(id!)).toMatchObject({ status: "done", targetName: "big (1).bin" });
    expect(text(server.files.get("/up/big (1).bin"))).toBe(content);
    expect(server.files.get("/up/big.bin")).toEqual(new Uint8Array([7]));
    expect(server.requests).toContainEqual({ method: "DELETE", url: "/api/fs/uploads/u1" });
    expect(server.uploads.size).toBe(0);
    expect(storage.map.size).toBe(0);
  });

  it("a conflict at create is asked like any other; 'replace' creates with overwrite", async () => {
    const { server, queue, item } = setup();
    server.files.set("/up/big.bin", new Uint8Array([9]));
    const [id] = queue.add([{ file: textFile("big.bin", content), dir: "/up" }]);
    await queue.whenSettled();
    expect(item(id!).status).toBe("conflict");
    queue.resolveConflict(id!, "replace");
    await queue.whenSettled();
    expect(text(server.files.get("/up/big.bin"))).toBe(content);
  });
});

describe("UploadQueue: extract after upload", () => {
  it("extracts uploaded .zip files when asked, and only those", async () => {
    const { server, queue, item } = setup();
    const [zip, txt] = queue.add([{ file: textFile("a.zip", "PK"), dir: "/d" }, { file: textFile("b.txt", "b"), dir: "/d" }], { extractZips: true });
    await queue.whenSettled();
    expect(item(zip!)).toMatchObject({ status: "done", extract: true, extracted: { done: 2, failed: 0 } });
    expect(item(txt!)).toMatchObject({ status: "done", extract: false, extracted: null });
    expect(server.requests.filter((r) => r.url === "/api/fs/extract")).toHaveLength(1);
  });

  it("a failed extraction leaves the upload done, with the error shown", async () => {
    const { server, queue, item } = setup();
    server.faults.push((req) => (req.url === "/api/fs/extract" ? { status: 422, body: { error: { code: "bad_zip", message: "Not a zip file" } } } : null));
    const [id] = queue.add([{ file: textFile("a.zip", "nope"), dir: "/d" }], { extractZips: true });
    await queue.whenSettled();
    expect(item(id!)).toMatchObject({ status: "done", extracted: null, error: { code: "bad_zip" } });
  });
});

describe("UploadQueue: the server's transfer slots", () => {
  it("on 429 waits as told, runs no more at once than the server took, and finishes every file", async () => {
    let clock = 0;
    const waits: number[] = [];
    const { server, queue, item } = setup({ parallel: 3, now: () => clock, delay: async (ms) => void (waits.push(ms), (clock += ms)) });
    server.slots = 2;
    server.hold = true;
    const ids = queue.add(["1", "2", "3", "4"].map((n) => ({ file: textFile(`${n}.txt`, n), dir: "/d" })));
    await server.whenHeld(3);
    server.release(); // three in flight: this one is refused (429) and waits
    await until(queue, () => item(ids[0]!).status === "queued");
    expect(ids.map((id) => item(id).status)).toEqual(["queued", "uploading", "uploading", "queued"]);
    server.hold = false;
    while (server.heldRequests.length > 0) server.release();
    await queue.whenSettled();
    expect(ids.map((id) => item(id).status)).toEqual(["done", "done", "done", "done"]);
    expect(waits).toContain(2000);
    expect([...server.files.keys()].sort()).toEqual(["/d/1.txt", "/d/2.txt", "/d/3.txt", "/d/4.txt"]);
  });
});

describe("interrupted uploads", () => {
  it("are found with the server's offset, forgotten when the server lost them, and continue under their name", async () => {
    const { server, queue, storage } = setup();
    server.faults.push((req) => (req.method === "PUT" && req.url.endsWith("offset=8") ? new NetworkError() : null));
    server.files.set("/up/big.bin", new Uint8Array([1]));
    const [id] = queue.add([{ file: textFile("big.bin", "0123456789abcdefghij", 5), dir: "/up" }]);
    await queue.whenSettled();
    queue.resolveConflict(id!, "keepBoth");
    await queue.whenSettled(); // fails at offset 8 (network)
    const resume = new ResumeStore(storage);
    storage.map.set('ferry.upload:["/up","lost.bin",20,5]', JSON.stringify({ id: "lost", chunkSize: 4, expiresAt: "2999-01-01T00:00:00Z" }));
    const found = await findInterrupted(resume, server.transport);
    expect(found.map((u) => [u.dir, u.name, u.size, u.offset])).toEqual([["/up", "big (1).bin", 20, 8]]);
    expect(storage.map.has('ferry.upload:["/up","lost.bin",20,5]')).toBe(false);
    // After a reload the user picks the same file again: it continues as "big (1).bin" from byte 8.
    server.faults.length = 0;
    const reloaded = new UploadQueue({ transport: server.transport, resume, chunkedAbove: 8, delay: async () => undefined });
    const file = textFile("big.bin", "0123456789abcdefghij", 5);
    expect(isSameFile(found[0]!, file)).toBe(true);
    const before = server.requests.length;
    reloaded.add([{ file, dir: found[0]!.dir, targetName: found[0]!.name }]);
    await reloaded.whenSettled();
    expect(text(server.files.get("/up/big (1).bin"))).toBe("0123456789abcdefghij");
    expect(server.requests[before + 1]).toEqual({ method: "PUT", url: "/api/fs/uploads/u1?offset=8" });
  });

  it("discarding one deletes it on the server and forgets it", async () => {
    const { server, storage } = setup();
    const resume = new ResumeStore(storage);
    server.uploads.set("u9", { dir: "/up", name: "x.bin", size: 20, bytes: new Uint8Array(4), overwrite: false });
    resume.set('ferry.upload:["/up","x.bin",20,5]', { id: "u9", chunkSize: 4, expiresAt: "2999-01-01T00:00:00Z" });
    const [found] = await findInterrupted(resume, server.transport);
    const deletes: Promise<unknown>[] = [];
    discardInterrupted(resume, (req) => {
      const answer = server.transport(req);
      deletes.push(answer);
      return answer;
    }, found!);
    await Promise.all(deletes);
    expect(server.uploads.size).toBe(0);
    expect(storage.map.size).toBe(0);
    expect(server.requests.at(-1)).toEqual({ method: "DELETE", url: "/api/fs/uploads/u9" });
  });
});
