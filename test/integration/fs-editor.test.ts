import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as readRoute from "@/app/api/fs/read/route";
import * as saveRoute from "@/app/api/fs/save/route";
import { resetEnvForTests } from "@/lib/env";
import type { TextFile } from "@/lib/schemas/file-operations";
import { errorOf, login } from "./helpers";
import { get, ownFolder, post } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-editor");
});
afterAll(() => dir.cleanup());

const read = (name: string) => get(readRoute.GET, "/api/fs/read", { path: `${dir.remote}/${name}` }, cookie);
const save = (name: string, body: Record<string, unknown>) => post(saveRoute.POST, "/api/fs/save", { path: `${dir.remote}/${name}`, ...body }, cookie);

describe("GET /api/fs/read", () => {
  it("returns UTF-8 text with its line endings, size, time and version", async () => {
    await writeFile(join(dir.local, "plain.md"), "# 제목\nline two\n");
    const res = await read("plain.md");
    expect(res.status).toBe(200);
    const body = (await res.json()) as TextFile;
    expect(body).toMatchObject({ path: `${dir.remote}/plain.md`, content: "# 제목\nline two\n", encoding: "utf-8", bom: false, lineEnding: "lf", size: Buffer.byteLength("# 제목\nline two\n") });
    expect(body.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.version).toBe(`${body.size}:${body.modifiedAt}`);
  });

  it("reports a BOM (left out of the content) and CRLF line endings", async () => {
    await writeFile(join(dir.local, "win.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a\r\nb\r\n")]));
    const body = (await (await read("win.txt")).json()) as TextFile;
    expect(body).toMatchObject({ content: "a\r\nb\r\n", bom: true, lineEnding: "crlf", size: 9 });
  });

  it.each([
    ["binary (NUL bytes)", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 415, "unsupported_media_type"],
    ["not UTF-8 (Latin-1)", Buffer.from("caf\xe9", "latin1"), 422, "unprocessable"],
  ])("refuses a %s file and offers download", async (_what, bytes, status, code) => {
    await writeFile(join(dir.local, "odd.bin"), bytes);
    const res = await read("odd.bin");
    expect(res.status).toBe(status);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toContain("Download it instead");
  });

  it("refuses a file above EDITOR_MAX_BYTES with 413", async () => {
    process.env.EDITOR_MAX_BYTES = "2048";
    resetEnvForTests();
    try {
      await writeFile(join(dir.local, "big.txt"), "x".repeat(2049));
      const res = await read("big.txt");
      expect(res.status).toBe(413);
      expect((await errorOf(res)).message).toContain("Download it instead");
    } finally {
      delete process.env.EDITOR_MAX_BYTES;
      resetEnvForTests();
    }
  });

  it("opens an empty file (a new file from touch)", async () => {
    await writeFile(join(dir.local, "empty.txt"), "");
    const body = (await (await read("empty.txt")).json()) as TextFile;
    expect(body).toMatchObject({ content: "", size: 0, bom: false, lineEnding: "none" });
  });

  it("answers 404 for a missing file", async () => {
    expect((await read("missing.txt")).status).toBe(404);
  });
});

describe("POST /api/fs/save", () => {
  it("keeps the BOM and CRLF line endings when the editor sends LF text", async () => {
    await writeFile(join(dir.local, "keep.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("one\r\ntwo\r\n")]));
    const opened = (await (await read("keep.txt")).json()) as TextFile;
    const res = await save("keep.txt", { content: "one\ntwo\nthree 셋\n", version: opened.version, bom: opened.bom, lineEnding: opened.lineEnding });
    expect(res.status).toBe(200);
    const bytes = await readFile(join(dir.local, "keep.txt"));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString("utf8")).toBe("one\r\ntwo\r\nthree 셋\r\n");
    const body = await res.json();
    expect(body).toMatchObject({ path: `${dir.remote}/keep.txt`, size: bytes.length });
    // The new version lets the editor save again without a conflict.
    expect((await save("keep.txt", { content: "again\n", version: body.version, bom: true, lineEnding: "crlf" })).status).toBe(200);
    expect((await readdir(dir.local)).filter((n) => n.includes(".ferry-"))).toEqual([]);
  });

  it("writes LF files without a BOM as LF", async () => {
    await writeFile(join(dir.local, "unix.sh"), "echo hi\n");
    const opened = (await (await read("unix.sh")).json()) as TextFile;
    await save("unix.sh", { content: "echo hi\r\necho bye\r\n", version: opened.version, bom: false, lineEnding: "lf" });
    expect(await readFile(join(dir.local, "unix.sh"), "utf8")).toBe("echo hi\necho bye\n");
  });

  it("answers 409 with the current version when the file changed on the server, and keeps that change", async () => {
    await writeFile(join(dir.local, "shared.txt"), "original\n");
    const opened = (await (await read("shared.txt")).json()) as TextFile;
    await writeFile(join(dir.local, "shared.txt"), "someone else's edit\n");
    const res = await save("shared.txt", { content: "mine\n", version: opened.version });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("conflict");
    expect(body.error.details.current).toMatchObject({ size: 20 });
    expect(await readFile(join(dir.local, "shared.txt"), "utf8")).toBe("someone else's edit\n");
    // Overwrite on purpose.
    const forced = await save("shared.txt", { content: "mine\n", version: opened.version, force: true });
    expect(forced.status).toBe(200);
    expect(await readFile(join(dir.local, "shared.txt"), "utf8")).toBe("mine\n");
  });

  it("notices a change of time alone (same size)", async () => {
    await writeFile(join(dir.local, "touched.txt"), "same\n");
    const opened = (await (await read("touched.txt")).json()) as TextFile;
    const before = (await stat(join(dir.local, "touched.txt"))).mtime;
    await utimes(join(dir.local, "touched.txt"), before, new Date(before.getTime() + 60_000));
    expect((await save("touched.txt", { content: "mine\n", version: opened.version })).status).toBe(409);
  });

  it("answers 409 when the file was deleted meanwhile, and creates a new file with version null", async () => {
    const gone = await save("gone.txt", { content: "x", version: "5:2020-01-01T00:00:00.000Z" });
    expect(gone.status).toBe(409);
    expect((await gone.json()).error.details).toEqual({ current: null });
    const created = await save("fresh.txt", { content: "new file\n", version: null });
    expect(created.status).toBe(200);
    expect(await readFile(join(dir.local, "fresh.txt"), "utf8")).toBe("new file\n");
    // version null means "I expect nothing there": now there is something.
    expect((await save("fresh.txt", { content: "again", version: null })).status).toBe(409);
  });

  it("writes a file with mixed line endings as sent when the editor passes lineEnding \"mixed\" back", async () => {
    await writeFile(join(dir.local, "mixed.txt"), "a\r\nb\n");
    const opened = (await (await read("mixed.txt")).json()) as TextFile;
    expect(opened.lineEnding).toBe("mixed");
    const res = await save("mixed.txt", { content: "a\r\nb\nc\n", version: opened.version, bom: opened.bom, lineEnding: opened.lineEnding });
    expect(res.status).toBe(200);
    expect(await readFile(join(dir.local, "mixed.txt"), "utf8")).toBe("a\r\nb\nc\n");
  });

  it("refuses text above EDITOR_MAX_BYTES with 413 and leaves the file as it was", async () => {
    await writeFile(join(dir.local, "capped.txt"), "small\n");
    const opened = (await (await read("capped.txt")).json()) as TextFile;
    process.env.EDITOR_MAX_BYTES = "2048";
    resetEnvForTests();
    try {
      const res = await save("capped.txt", { content: "y".repeat(2049), version: opened.version });
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe("payload_too_large");
      expect(await readFile(join(dir.local, "capped.txt"), "utf8")).toBe("small\n");
    } finally {
      delete process.env.EDITOR_MAX_BYTES;
      resetEnvForTests();
    }
  });

  it("answers 400 for a body without content", async () => {
    const res = await save("x.txt", { version: null });
    expect(res.status).toBe(400);
  });
});
