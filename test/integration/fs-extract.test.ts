import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as extractRoute from "@/app/api/fs/extract/route";
import { resetEnvForTests } from "@/lib/env";
import type { BatchEvent } from "@/lib/schemas/file-operations";
import { makeZip } from "../fixtures/make-zip";
import { acquireTransferSlot, activeTransfers } from "@/lib/security/transfer-slots";
import { apiRequest, errorOf, login } from "./helpers";
import { sessionOf } from "./transfer-helpers";
import { ndjsonLines, ownFolder, post } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
const blob = randomBytes(300_000);
// The spool goes to os.tmpdir(): a folder of this file's own, so each test can check it is left empty.
const systemTmp = process.env.TMPDIR;
let spoolTmp: string;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-extract");
  spoolTmp = await mkdtemp(join(tmpdir(), "ferry-extract-test-"));
  process.env.TMPDIR = spoolTmp;
});
afterAll(async () => {
  if (systemTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = systemTmp;
  await rm(spoolTmp, { recursive: true, force: true });
  await dir.cleanup();
});
afterEach(async () => {
  for (const key of ["EXTRACT_MAX_ENTRIES", "EXTRACT_MAX_ZIP_BYTES"]) delete process.env[key];
  resetEnvForTests();
  // Whatever happened, the temporary spool is gone once the request has ended.
  expect(await readdir(spoolTmp)).toEqual([]);
});

/** Writes `zip` into a fresh sub-folder and returns both paths. */
async function place(sub: string, zip: Buffer): Promise<{ remote: string; local: string }> {
  await mkdir(join(dir.local, sub));
  await writeFile(join(dir.local, sub, "archive.zip"), zip);
  return { remote: `${dir.remote}/${sub}`, local: join(dir.local, sub) };
}
const extract = (zipRemote: string, headers: Record<string, string> = {}) => post(extractRoute.POST, "/api/fs/extract", { path: zipRemote }, cookie, headers);
const listTree = async (local: string) => (await readdir(local, { recursive: true })).sort();

describe("POST /api/fs/extract", () => {
  it("extracts folders (implicit ones too) and files next to the zip, byte for byte", async () => {
    const at = await place("good", makeZip([
      { name: "docs/" },
      { name: "docs/readme.txt", data: "hello\n" },
      { name: "docs/한글 이름.txt", data: "안녕" },
      { name: "media/deep/blob.bin", data: blob },
      { name: "stored.txt", data: "plain", method: "store" },
      // Some tools write names starting with "./", and the folder itself as "./".
      { name: "./" },
      { name: "./dot/x.txt", data: "dot" },
    ]));
    const res = await extract(`${at.remote}/archive.zip`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.failed).toEqual([]);
    expect(body.done.map((d: { path: string }) => d.path.slice(at.remote.length))).toEqual(["/docs", "/media", "/media/deep", "/dot", "/docs/readme.txt", "/docs/한글 이름.txt", "/media/deep/blob.bin", "/stored.txt", "/dot/x.txt"]);
    expect(await readFile(join(at.local, "docs/한글 이름.txt"), "utf8")).toBe("안녕");
    expect((await readFile(join(at.local, "media/deep/blob.bin"))).equals(blob)).toBe(true);
    expect(await readFile(join(at.local, "stored.txt"), "utf8")).toBe("plain");
    expect(await readFile(join(at.local, "dot/x.txt"), "utf8")).toBe("dot");
    expect((await listTree(at.local)).filter((n) => n.includes(".ferry-"))).toEqual([]);
  });

  it("refuses hostile names (../x, absolute, backslash, drive letter) and links, and extracts only the safe entry", async () => {
    const root = inject("ftpRoot");
    const marker = `escaped-${randomBytes(3).toString("hex")}`;
    const at = await place("hostile", makeZip([
      { name: `../${marker}`, data: "pwned" },
      { name: `sub/../../${marker}-2`, data: "pwned" },
      { name: `/${marker}-abs`, data: "pwned" },
      { name: "a\\..\\b.txt", data: "pwned" },
      { name: "C:/windows.txt", data: "pwned" },
      { name: "bad\nname.txt", data: "pwned" },
      { name: "link", data: "/etc/passwd", unixMode: 0o120777 },
      { name: ".", data: "no name" },
      { name: "a//b.txt", data: "empty segment" },
      { name: "ok.txt", data: "fine" },
    ]));
    const body = await (await extract(`${at.remote}/archive.zip`)).json();
    expect(body.done.map((d: { path: string }) => d.path)).toEqual([`${at.remote}/ok.txt`]);
    expect(body.failed.map((f: { path: string; error: { code: string } }) => [f.path, f.error.code])).toEqual([
      [`../${marker}`, "invalid_name"],
      [`sub/../../${marker}-2`, "invalid_name"],
      [`/${marker}-abs`, "invalid_name"],
      ["a\\..\\b.txt", "invalid_name"],
      ["C:/windows.txt", "invalid_name"],
      ["bad?name.txt", "invalid_name"],
      ["link", "invalid_name"],
      [".", "invalid_name"],
      ["a//b.txt", "invalid_name"],
    ]);
    expect(body.failed[0].error.message).toContain("outside the folder");
    expect(await listTree(at.local)).toEqual(["archive.zip", "ok.txt"]);
    expect((await readdir(root)).filter((n) => n.startsWith(marker))).toEqual([]);
    expect((await readdir(dir.local)).filter((n) => n.startsWith(marker))).toEqual([]);
  });

  it("refuses a zip bomb (high compression ratio) before writing anything", async () => {
    const at = await place("bomb", makeZip([{ name: "small.txt", data: "x" }, { name: "zeros.bin", data: Buffer.alloc(20 * 1024 * 1024) }]));
    expect((await stat(join(at.local, "archive.zip"))).size).toBeLessThan(100_000);
    const res = await extract(`${at.remote}/archive.zip`);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toContain("zip bomb");
    expect(await listTree(at.local)).toEqual(["archive.zip"]);
  });

  it("refuses a bomb of many small entries (each under the per-entry floor) by the archive's ratio", async () => {
    const zeros = Buffer.alloc(512 * 1024);
    const at = await place("bomb-many", makeZip(Array.from({ length: 8 }, (_, i) => ({ name: `z${i}.bin`, data: zeros }))));
    const res = await extract(`${at.remote}/archive.zip`);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toContain("zip bomb");
    expect(await listTree(at.local)).toEqual(["archive.zip"]);
  });

  it("stops spooling when the request is aborted mid-download, and removes the temporary file", async () => {
    const at = await place("aborted", makeZip([{ name: "big.bin", data: Buffer.alloc(48 * 1024 * 1024, 1), method: "store" }]));
    const controller = new AbortController();
    const req = apiRequest("POST", "/api/fs/extract", { body: { path: `${at.remote}/archive.zip` }, cookie });
    const answer = extractRoute.POST(new Request(req, { signal: controller.signal }));
    // Abort once the spool has started to fill (a condition, not a timer).
    for (;;) {
      const spools = await readdir(spoolTmp);
      const size = spools[0] ? await stat(join(spoolTmp, spools[0], "archive.zip")).then((s) => s.size, () => 0) : 0;
      if (size > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    controller.abort();
    const res = await answer;
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain("cancelled");
    expect(await listTree(at.local)).toEqual(["archive.zip"]);
  });

  it("refuses an archive whose headers claim more than EXTRACT_MAX_TOTAL_BYTES", async () => {
    const at = await place("huge", makeZip([{ name: "a.bin", data: "tiny", claimedSize: 0xffff_fff0 }, { name: "b.bin", data: "tiny", claimedSize: 0xffff_fff0 }]));
    const res = await extract(`${at.remote}/archive.zip`);
    expect(res.status).toBe(413);
    expect(await listTree(at.local)).toEqual(["archive.zip"]);
  });

  it("refuses more entries than EXTRACT_MAX_ENTRIES", async () => {
    process.env.EXTRACT_MAX_ENTRIES = "3";
    resetEnvForTests();
    const at = await place("many", makeZip(["1", "2", "3", "4"].map((n) => ({ name: `${n}.txt`, data: n }))));
    const res = await extract(`${at.remote}/archive.zip`);
    expect(res.status).toBe(413);
    expect(await listTree(at.local)).toEqual(["archive.zip"]);
  });

  it("refuses a zip larger than EXTRACT_MAX_ZIP_BYTES", async () => {
    process.env.EXTRACT_MAX_ZIP_BYTES = "100";
    resetEnvForTests();
    const at = await place("toobig", makeZip([{ name: "r.bin", data: randomBytes(500) }]));
    expect((await extract(`${at.remote}/archive.zip`)).status).toBe(413);
  });

  it("never overwrites: an existing file fails its entry (and what a zip folder of that name holds) and stays as it was", async () => {
    const at = await place("existing", makeZip([
      { name: "keep.txt", data: "from zip" },
      { name: "new.txt", data: "new" },
      { name: "docs/inner/a.txt", data: "a" },
      { name: "reused/b.txt", data: "b" },
    ]));
    await writeFile(join(at.local, "keep.txt"), "mine");
    await writeFile(join(at.local, "docs"), "a file, not a folder");
    await mkdir(join(at.local, "reused"));
    const body = await (await extract(`${at.remote}/archive.zip`)).json();
    expect(body.failed.map((f: { path: string; error: { code: string } }) => [f.path.slice(at.remote.length), f.error.code])).toEqual([
      ["/docs", "conflict"],
      ["/docs/inner", "conflict"],
      ["/keep.txt", "conflict"],
      ["/docs/inner/a.txt", "conflict"],
    ]);
    expect(body.failed[1].error.message).toContain(`${at.remote}/docs could not be created`);
    expect(body.done.map((d: { path: string }) => d.path.slice(at.remote.length))).toEqual(["/new.txt", "/reused/b.txt"]);
    expect(await readFile(join(at.local, "keep.txt"), "utf8")).toBe("mine");
    expect(await readFile(join(at.local, "docs"), "utf8")).toBe("a file, not a folder");
    expect(await readFile(join(at.local, "new.txt"), "utf8")).toBe("new");
    expect(await readFile(join(at.local, "reused/b.txt"), "utf8")).toBe("b");
  });

  it("fails an entry whose data does not match its header, leaving no partial file", async () => {
    const at = await place("lying", makeZip([{ name: "liar.bin", data: randomBytes(5000), claimedSize: 10 }, { name: "fine.txt", data: "ok" }]));
    const body = await (await extract(`${at.remote}/archive.zip`)).json();
    expect(body.failed).toMatchObject([{ path: `${at.remote}/liar.bin`, error: { code: "unprocessable" } }]);
    expect(await listTree(at.local)).toEqual(["archive.zip", "fine.txt"]);
  });

  it("streams NDJSON results with an end line", async () => {
    const at = await place("ndjson", makeZip([{ name: "../evil", data: "x" }, { name: "one.txt", data: "1" }]));
    const lines = await ndjsonLines<BatchEvent>(await extract(`${at.remote}/archive.zip`, { accept: "application/x-ndjson" }));
    expect(lines.map((l) => l.type)).toEqual(["failed", "done", "end"]);
    expect(lines.at(-1)).toEqual({ type: "end", done: 1, failed: 1, stopped: null });
  });

  it("counts as one of the session's transfers: 429 when all are taken, and the slot is given back afterwards", async () => {
    const session = await sessionOf(cookie);
    const at = await place("slots", makeZip([{ name: "one.txt", data: "1" }]));
    const held = [acquireTransferSlot(session), acquireTransferSlot(session)];
    const refused = await extract(`${at.remote}/archive.zip`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).not.toBeNull();
    for (const release of held) release();
    const res = await extract(`${at.remote}/archive.zip`);
    expect((await res.json()).done).toHaveLength(1);
    expect(activeTransfers(session.id)).toBe(0);
    // A refused archive gives its slot back too.
    expect((await extract(`${dir.remote}/absent.zip`)).status).toBe(404);
    expect(activeTransfers(session.id)).toBe(0);
  });

  it("answers 422 for a file that is not a zip and 404 for a missing one", async () => {
    await writeFile(join(dir.local, "fake.zip"), "this is not a zip");
    expect((await extract(`${dir.remote}/fake.zip`)).status).toBe(422);
    expect((await extract(`${dir.remote}/absent.zip`)).status).toBe(404);
  });
});
