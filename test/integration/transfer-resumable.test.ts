import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as completeRoute from "@/app/api/fs/uploads/[id]/complete/route";
import * as uploadRoute from "@/app/api/fs/uploads/[id]/route";
import * as uploadsRoute from "@/app/api/fs/uploads/route";
import { uploadStore } from "@/lib/transfer/upload-store";
import { apiRequest, errorOf, login } from "./helpers";
import { ownFolder } from "./fs-helpers";
import { MiB, patternStream, sha256File, sha256Of, webStreamOf } from "./transfer-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("transfer-resume");
});
afterAll(() => dir.cleanup());

interface Created {
  id: string;
  offset: number;
  chunkSize: number;
  expiresAt: string;
}

const create = (body: Record<string, unknown>) => uploadsRoute.POST(apiRequest("POST", "/api/fs/uploads", { cookie, body }));
const status = (id: string) => uploadRoute.GET(apiRequest("GET", `/api/fs/uploads/${id}`, { cookie }));
const complete = (id: string, query = "") => completeRoute.POST(apiRequest("POST", `/api/fs/uploads/${id}/complete${query}`, { cookie }));
const cancel = (id: string) => uploadRoute.DELETE(apiRequest("DELETE", `/api/fs/uploads/${id}`, { cookie }));

/** PUTs `data` as one chunk at `offset`; `cutAfter` errors the body after that many bytes (a dropped connection). */
function put(id: string, offset: number, data: Uint8Array, cutAfter?: number): Promise<Response> {
  async function* chunks() {
    for (let at = 0; at < data.length; at += 256 * 1024) {
      const piece = data.subarray(at, Math.min(data.length, at + 256 * 1024));
      if (cutAfter !== undefined && at + piece.length > cutAfter) {
        yield piece.subarray(0, cutAfter - at);
        throw new Error("connection dropped");
      }
      yield piece;
    }
  }
  const req = apiRequest("PUT", `/api/fs/uploads/${id}?offset=${offset}`, { cookie, headers: { "content-type": "application/octet-stream" } });
  return uploadRoute.PUT(new Request(req, { body: webStreamOf(chunks()), duplex: "half" } as RequestInit));
}

async function bufferOf(size: number, seed: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of patternStream(size, seed)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

/** Files in the folder: the temp file shows as `.name.ferry-<id>.part`. */
const names = () => readdir(dir.local);

describe("resumable chunked upload (/api/fs/uploads)", () => {
  it("creates, appends chunks, survives a cut chunk by resuming from the server's offset, and completes byte-exact", async () => {
    const data = await bufferOf(12 * MiB + 12_345, 3);
    const created = await create({ dir: dir.remote, name: "큰 파일.bin", size: data.length });
    expect(created.status).toBe(201);
    const upload = (await created.json()) as Created;
    expect(upload).toMatchObject({ offset: 0, chunkSize: 32 * MiB });
    expect(upload.id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(upload.expiresAt)).toBeGreaterThan(Date.now());
    const first = await put(upload.id, 0, data.subarray(0, 4 * MiB));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ offset: 4 * MiB });
    expect(await names()).toContain(`.큰 파일.bin.ferry-${upload.id}.part`);

    // The second chunk's connection drops half way: part of it may have reached the server.
    const cut = await put(upload.id, 4 * MiB, data.subarray(4 * MiB, 8 * MiB), 2 * MiB + 5);
    expect(cut.status).toBeGreaterThanOrEqual(400);

    // As after a page reload: ask the server how far it got, and continue from there.
    let offset = ((await (await status(upload.id)).json()) as { offset: number }).offset;
    expect(offset).toBeGreaterThanOrEqual(4 * MiB);
    expect(offset).toBeLessThanOrEqual(4 * MiB + 2 * MiB + 5);
    while (offset < data.length) {
      const res = await put(upload.id, offset, data.subarray(offset, Math.min(data.length, offset + 5 * MiB)));
      const body = (await res.json()) as { offset?: number; error?: { code: string; details: { offset: number } } };
      // A server still writing the cut chunk's tail may hold more than we asked: follow its offset.
      offset = res.status === 409 ? body.error!.details.offset : body.offset!;
      expect([200, 409]).toContain(res.status);
    }
    const done = await complete(upload.id);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ name: "큰 파일.bin", path: `${dir.remote}/큰 파일.bin`, size: data.length });
    expect(await sha256File(join(dir.local, "큰 파일.bin"))).toBe(sha256Of(data));
    expect((await names()).filter((n) => n.includes(".ferry-"))).toEqual([]);
    expect((await status(upload.id)).status).toBe(404);
  }, 60_000);

  it("answers 409 offset_mismatch with the server's offset when a chunk starts elsewhere", async () => {
    const upload = (await (await create({ dir: dir.remote, name: "mismatch.bin", size: 100 })).json()) as Created;
    expect((await put(upload.id, 0, Buffer.alloc(40, 1))).status).toBe(200);
    const wrong = await put(upload.id, 10, Buffer.alloc(10, 2));
    expect(wrong.status).toBe(409);
    const error = (await wrong.json()) as { error: { code: string; details: { offset: number } } };
    expect(error.error.code).toBe("offset_mismatch");
    expect(error.error.details.offset).toBe(40);
    // Completing early is refused the same way, with what the server holds.
    const early = await complete(upload.id);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { details: { offset: number } } }).error.details.offset).toBe(40);
    // A chunk past the declared size is refused before anything is written.
    const tooBig = await put(upload.id, 40, Buffer.alloc(61, 3));
    expect(tooBig.status).toBe(413);
    expect(((await (await status(upload.id)).json()) as { offset: number }).offset).toBe(40);
    expect((await cancel(upload.id)).status).toBe(204);
  });

  it("refuses an existing target (409 exists) up front and at the end, unless overwrite", async () => {
    await writeFile(join(dir.local, "taken.txt"), "old");
    const refused = await create({ dir: dir.remote, name: "taken.txt", size: 3 });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("exists");

    const later = (await (await create({ dir: dir.remote, name: "later.txt", size: 3 })).json()) as Created;
    await put(later.id, 0, Buffer.from("new"));
    await writeFile(join(dir.local, "later.txt"), "someone else's");
    const clash = await complete(later.id);
    expect(clash.status).toBe(409);
    expect((await errorOf(clash)).code).toBe("exists");
    expect(await readFile(join(dir.local, "later.txt"), "utf8")).toBe("someone else's");
    const forced = await complete(later.id, "?overwrite=1");
    expect(forced.status).toBe(200);
    expect(await readFile(join(dir.local, "later.txt"), "utf8")).toBe("new");

    const replace = (await (await create({ dir: dir.remote, name: "taken.txt", size: 3, overwrite: true })).json()) as Created;
    await put(replace.id, 0, Buffer.from("new"));
    expect((await complete(replace.id)).status).toBe(200);
    expect(await readFile(join(dir.local, "taken.txt"), "utf8")).toBe("new");
  });

  it("cancels: the temp file goes, the old file stays, the id is gone", async () => {
    await writeFile(join(dir.local, "stay.txt"), "old");
    const upload = (await (await create({ dir: dir.remote, name: "stay.txt", size: 10, overwrite: true })).json()) as Created;
    await put(upload.id, 0, Buffer.from("12345"));
    expect((await cancel(upload.id)).status).toBe(204);
    expect((await names()).filter((n) => n.includes(upload.id))).toEqual([]);
    expect(await readFile(join(dir.local, "stay.txt"), "utf8")).toBe("old");
    expect((await status(upload.id)).status).toBe(404);
  });

  it("an expired upload is removed (temp file included) when next touched", async () => {
    const upload = (await (await create({ dir: dir.remote, name: "stale.bin", size: 10 })).json()) as Created;
    await put(upload.id, 0, Buffer.from("12345"));
    const record = (await uploadStore().get(upload.id))!;
    await uploadStore().set({ ...record, expiresAt: Date.now() - 1 });
    const res = await status(upload.id);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toMatch(/expired/);
    expect((await names()).filter((n) => n.includes(upload.id))).toEqual([]);
  });

  it("creates missing folders with mkdirs, handles an empty file, and refuses bad input with 400", async () => {
    const upload = (await (await create({ dir: `${dir.remote}/new/deeper`, name: "empty.bin", size: 0, mkdirs: true })).json()) as Created;
    const done = await complete(upload.id);
    expect(done.status).toBe(200);
    expect(await readFile(join(dir.local, "new", "deeper", "empty.bin"), "utf8")).toBe("");
    for (const body of [{ dir: dir.remote, name: "a/b", size: 1 }, { dir: dir.remote, name: "..", size: 1 }, { dir: dir.remote, name: "x", size: -1 }, { dir: "relative", name: "x", size: 1 }]) {
      expect((await create(body)).status).toBe(400);
    }
    expect((await status("not-an-id")).status).toBe(400);
    expect((await status("0123456789abcdef01234567")).status).toBe(404);
  });

  it("does not let another session see or continue an upload", async () => {
    const upload = (await (await create({ dir: dir.remote, name: "mine.bin", size: 1 })).json()) as Created;
    const other = await login();
    const res = await uploadRoute.GET(apiRequest("GET", `/api/fs/uploads/${upload.id}`, { cookie: other }));
    expect(res.status).toBe(404);
    expect((await cancel(upload.id)).status).toBe(204);
  });
});
