import { createHash, randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as previewRoute from "@/app/api/fs/preview/route";
import { gradientPng } from "@/lib/demo/seed-demo-tree";
import { errorOf, login } from "./helpers";
import { get, ownFolder } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
const media = randomBytes(2 * 1024 * 1024 + 3);

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-preview");
  await writeFile(join(dir.local, "pic.png"), gradientPng());
  await writeFile(join(dir.local, "clip.mp4"), media);
  await writeFile(join(dir.local, "page.html"), "<script>alert(1)</script>");
  await writeFile(join(dir.local, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  await writeFile(join(dir.local, "사진 1.png"), gradientPng(4, 4));
  await writeFile(join(dir.local, "tool.exe"), "MZ");
  await writeFile(join(dir.local, "empty.txt"), "");
});
afterAll(() => dir.cleanup());

const preview = (name: string, headers: Record<string, string> = {}) => get(previewRoute.GET, "/api/fs/preview", { path: `${dir.remote}/${name}` }, cookie, { headers });
// SHA-256 rather than toEqual on megabytes, which is slow.
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const bytesOf = async (res: Response) => sha(Buffer.from(await res.arrayBuffer()));

describe("GET /api/fs/preview", () => {
  it("serves an image inline with the sandbox headers and its exact bytes", async () => {
    const res = await preview("pic.png");
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      "content-type": "image/png",
      "content-security-policy": "sandbox",
      "x-content-type-options": "nosniff",
      "content-disposition": `inline; filename="pic.png"; filename*=UTF-8''pic.png`,
      "accept-ranges": "bytes",
      "x-ferry-content-length": String(gradientPng().length),
    });
    expect(await bytesOf(res)).toBe(sha(gradientPng()));
  });

  it("serves .html as plain text, never as a page", async () => {
    for (const dest of ["document", "iframe", "image"]) {
      const res = await preview("page.html", { "sec-fetch-dest": dest });
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toBe("sandbox");
      expect(await res.text()).toBe("<script>alert(1)</script>");
    }
  });

  it("serves .svg as an image only to <img> (Sec-Fetch-Dest: image), as text otherwise, always sandboxed", async () => {
    const asImage = await preview("logo.svg", { "sec-fetch-dest": "image" });
    expect(asImage.headers.get("content-type")).toBe("image/svg+xml");
    expect(asImage.headers.get("content-security-policy")).toBe("sandbox");
    expect(asImage.headers.get("vary")).toContain("Sec-Fetch-Dest");
    await asImage.arrayBuffer();
    const variants: Array<Record<string, string>> = [{ "sec-fetch-dest": "document" }, {}];
    for (const headers of variants) {
      const res = await preview("logo.svg", headers);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      await res.arrayBuffer();
    }
  });

  it("names a Korean file in Content-Disposition with an ASCII fallback", async () => {
    const res = await preview("사진 1.png");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="__ 1.png"; filename*=UTF-8''%EC%82%AC%EC%A7%84%201.png`);
    await res.arrayBuffer();
  });

  it.each([
    ["bytes=10-19", 10, 19],
    ["bytes=1048576-", 1048576, media.length - 1],
    ["bytes=-7", media.length - 7, media.length - 1],
    ["bytes=0-0", 0, 0],
    [`bytes=100-${media.length + 500}`, 100, media.length - 1],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    const res = await preview("clip.mp4", { range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${media.length}`);
    expect(res.headers.get("x-ferry-content-length")).toBe(String(end - start + 1));
    expect(await bytesOf(res)).toBe(sha(media.subarray(start, end + 1)));
  });

  it("seeks many times in a row in one session (each early stop frees its connection)", async () => {
    for (let i = 0; i < 6; i++) {
      const start = i * 300_000;
      const res = await preview("clip.mp4", { range: `bytes=${start}-${start + 999}` });
      expect(await bytesOf(res)).toBe(sha(media.subarray(start, start + 1000)));
    }
  });

  it("answers 416 with Content-Range for a range past the end", async () => {
    const res = await preview("clip.mp4", { range: `bytes=${media.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${media.length}`);
    expect((await errorOf(res)).code).toBe("range_not_satisfiable");
  });

  it("ignores a multi-range or malformed Range and sends the whole file", async () => {
    for (const range of ["bytes=0-1,5-6", "items=0-5", "bytes=9-3"]) {
      const res = await preview("pic.png", { range });
      expect(res.status).toBe(200);
      expect(await bytesOf(res)).toBe(sha(gradientPng()));
    }
  });

  it("serves an empty file", async () => {
    const res = await preview("empty.txt");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("refuses a type outside the allowlist with 415 before reading it", async () => {
    const res = await preview("tool.exe");
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
  });

  it("answers 404 for a missing file", async () => {
    expect((await preview("nope.png")).status).toBe(404);
  });

  it("stops reading from the server when the browser cancels", async () => {
    const res = await preview("clip.mp4");
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();
    // The session still works right after (the cancelled RETR's connection was closed, not wedged).
    const again = await preview("clip.mp4", { range: "bytes=0-99" });
    expect(await bytesOf(again)).toBe(sha(media.subarray(0, 100)));
  });
});
