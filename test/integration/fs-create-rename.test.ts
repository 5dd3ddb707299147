import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mkdirRoute from "@/app/api/fs/mkdir/route";
import * as moveRoute from "@/app/api/fs/move/route";
import * as renameRoute from "@/app/api/fs/rename/route";
import * as statRoute from "@/app/api/fs/stat/route";
import * as touchRoute from "@/app/api/fs/touch/route";
import { errorOf, login } from "./helpers";
import { get, ownFolder, post } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-create");
});
afterAll(() => dir.cleanup());

describe("POST /api/fs/mkdir", () => {
  it("creates a folder with a Korean, spaced name", async () => {
    const res = await post(mkdirRoute.POST, "/api/fs/mkdir", { path: `${dir.remote}/새 폴더` }, cookie);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ path: `${dir.remote}/새 폴더` });
    expect((await stat(join(dir.local, "새 폴더"))).isDirectory()).toBe(true);
  });

  it("answers 409 when the name exists, without touching it", async () => {
    await writeFile(join(dir.local, "taken"), "keep");
    const res = await post(mkdirRoute.POST, "/api/fs/mkdir", { path: `${dir.remote}/taken` }, cookie);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("conflict");
    expect(await readFile(join(dir.local, "taken"), "utf8")).toBe("keep");
  });

  it("answers 404 when the parent folder is missing (and creates no parents)", async () => {
    const res = await post(mkdirRoute.POST, "/api/fs/mkdir", { path: `${dir.remote}/no/such/parent` }, cookie);
    expect(res.status).toBe(404);
    await expect(stat(join(dir.local, "no"))).rejects.toThrow();
  });

  it("rejects CR/LF in the path before talking to the server", async () => {
    const res = await post(mkdirRoute.POST, "/api/fs/mkdir", { path: `${dir.remote}/x\r\nDELE y` }, cookie);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_path");
  });
});

describe("POST /api/fs/touch", () => {
  it("creates an empty file", async () => {
    const res = await post(touchRoute.POST, "/api/fs/touch", { path: `${dir.remote}/new.txt` }, cookie);
    expect(res.status).toBe(201);
    expect((await stat(join(dir.local, "new.txt"))).size).toBe(0);
  });

  it("answers 409 instead of emptying an existing file", async () => {
    await writeFile(join(dir.local, "full.txt"), "content");
    const res = await post(touchRoute.POST, "/api/fs/touch", { path: `${dir.remote}/full.txt` }, cookie);
    expect(res.status).toBe(409);
    expect(await readFile(join(dir.local, "full.txt"), "utf8")).toBe("content");
  });
});

describe("POST /api/fs/rename", () => {
  it("renames a file in place", async () => {
    await writeFile(join(dir.local, "before.txt"), "b");
    const res = await post(renameRoute.POST, "/api/fs/rename", { path: `${dir.remote}/before.txt`, newName: "after é.txt" }, cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ path: `${dir.remote}/after é.txt` });
    expect(await readFile(join(dir.local, "after é.txt"), "utf8")).toBe("b");
  });

  it("answers 409 when the new name exists, and both files stay as they were", async () => {
    await writeFile(join(dir.local, "one.txt"), "one");
    await writeFile(join(dir.local, "two.txt"), "two");
    const res = await post(renameRoute.POST, "/api/fs/rename", { path: `${dir.remote}/one.txt`, newName: "two.txt" }, cookie);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("conflict");
    expect(await readFile(join(dir.local, "one.txt"), "utf8")).toBe("one");
    expect(await readFile(join(dir.local, "two.txt"), "utf8")).toBe("two");
  });

  it("answers 404 for a missing source", async () => {
    const res = await post(renameRoute.POST, "/api/fs/rename", { path: `${dir.remote}/ghost.txt`, newName: "x.txt" }, cookie);
    expect(res.status).toBe(404);
  });

  it.each(["a/b", "..", "x\ny"])("refuses the name %j", async (newName) => {
    const res = await post(renameRoute.POST, "/api/fs/rename", { path: `${dir.remote}/one.txt`, newName }, cookie);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_name");
  });
});

describe("POST /api/fs/move", () => {
  it("moves files and folders into a folder and reports each item", async () => {
    await mkdir(join(dir.local, "mv/src/sub"), { recursive: true });
    await mkdir(join(dir.local, "mv/dest"), { recursive: true });
    await writeFile(join(dir.local, "mv/src/a.txt"), "a");
    await writeFile(join(dir.local, "mv/src/sub/b.txt"), "b");
    await writeFile(join(dir.local, "mv/src/clash.txt"), "new");
    await writeFile(join(dir.local, "mv/dest/clash.txt"), "old");
    const base = `${dir.remote}/mv`;
    const res = await post(moveRoute.POST, "/api/fs/move", { paths: [`${base}/src/a.txt`, `${base}/src/sub`, `${base}/src/clash.txt`, `${base}/src/missing`], targetDir: `${base}/dest` }, cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.done).toEqual([
      { path: `${base}/src/a.txt`, kind: "file", to: `${base}/dest/a.txt` },
      { path: `${base}/src/sub`, kind: "dir", to: `${base}/dest/sub` },
    ]);
    expect(body.failed.map((f: { path: string; error: { code: string } }) => [f.path, f.error.code])).toEqual([
      [`${base}/src/clash.txt`, "conflict"],
      [`${base}/src/missing`, "not_found"],
    ]);
    expect(await readFile(join(dir.local, "mv/dest/sub/b.txt"), "utf8")).toBe("b");
    expect(await readFile(join(dir.local, "mv/dest/clash.txt"), "utf8")).toBe("old");
    expect((await readdir(join(dir.local, "mv/src"))).sort()).toEqual(["clash.txt"]);
  });

  it("reports an entry selected inside a selected folder as moved with it", async () => {
    await mkdir(join(dir.local, "mv2/f"), { recursive: true });
    await mkdir(join(dir.local, "mv2/to"), { recursive: true });
    await writeFile(join(dir.local, "mv2/f/in.txt"), "in");
    const base = `${dir.remote}/mv2`;
    const body = await (await post(moveRoute.POST, "/api/fs/move", { paths: [`${base}/f`, `${base}/f/in.txt`], targetDir: `${base}/to` }, cookie)).json();
    expect(body.done).toEqual([{ path: `${base}/f`, kind: "dir", to: `${base}/to/f` }]);
    expect(body.failed).toMatchObject([{ path: `${base}/f/in.txt`, error: { code: "bad_request", message: expect.stringContaining("moved with its folder") } }]);
    expect(await readFile(join(dir.local, "mv2/to/f/in.txt"), "utf8")).toBe("in");
  });

  it("refuses to move a folder into itself", async () => {
    await mkdir(join(dir.local, "self/inner"), { recursive: true });
    const res = await post(moveRoute.POST, "/api/fs/move", { paths: [`${dir.remote}/self`], targetDir: `${dir.remote}/self/inner` }, cookie);
    const body = await res.json();
    expect(body.failed[0].error.code).toBe("bad_request");
    expect((await stat(join(dir.local, "self/inner"))).isDirectory()).toBe(true);
  });

  it("answers 404 when the target folder does not exist", async () => {
    const res = await post(moveRoute.POST, "/api/fs/move", { paths: [`${dir.remote}/taken`], targetDir: `${dir.remote}/nowhere` }, cookie);
    expect(res.status).toBe(404);
  });
});

describe("GET /api/fs/stat", () => {
  it("gives size, time, permissions and owner of a file", async () => {
    await writeFile(join(dir.local, "props.bin"), Buffer.alloc(1234));
    const res = await get(statRoute.GET, "/api/fs/stat", { path: `${dir.remote}/props.bin` }, cookie);
    expect(res.status).toBe(200);
    const { path, entry } = await res.json();
    expect(path).toBe(`${dir.remote}/props.bin`);
    expect(entry).toMatchObject({ name: "props.bin", type: "file", size: 1234 });
    expect(entry.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entry.permissions).toMatch(/^0[0-7]{3}$/);
  });

  it("describes the root folder", async () => {
    const res = await get(statRoute.GET, "/api/fs/stat", { path: "/" }, cookie);
    expect((await res.json()).entry).toMatchObject({ type: "dir" });
  });

  it("answers 404 for a missing file", async () => {
    const res = await get(statRoute.GET, "/api/fs/stat", { path: `${dir.remote}/nope` }, cookie);
    expect(res.status).toBe(404);
  });
});
