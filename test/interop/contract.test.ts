// The contract every real server must pass, through Ferry's HTTP API: one file,
// parameterised by server × TLS mode × transfer mode (see matrix.ts).
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "basic-ftp";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { activeConnectionsAccepted } from "@/lib/ftp/active-mode";
import { call, expectJson } from "./api";
import { chownTree, makeNameFixtures, names, sha256File, writeRandomFile } from "./fixtures";
import { bigFolder } from "./global-setup";
import { ftpUser } from "./harness/context";
import { combosOf, noteUnsupported, type Combo } from "./matrix";
import { list, loginAs, logout } from "./session";
import { defineTransferCases } from "./transfer-cases";

const interop = inject("interop");
const knownTime = new Date("2021-03-04T05:06:07Z");

/** Runs `task` on a raw basic-ftp client (for the matrix: what the server itself says), with its log. */
async function rawSession<T>(combo: Combo, task: (client: Client, log: string[]) => Promise<T>): Promise<T> {
  const client = new Client(10_000);
  const log: string[] = [];
  client.ftp.verbose = true;
  client.ftp.log = (message: string) => void log.push(message);
  try {
    const secureOptions = { ca: readFileSync(interop.caFile), host: "127.0.0.1" };
    if (combo.tls === "implicit") await client.connectImplicitTLS("127.0.0.1", combo.target.port, secureOptions);
    else await client.connect("127.0.0.1", combo.target.port);
    if (combo.tls === "explicit") await client.useTLS(secureOptions);
    await client.login(ftpUser.name, ftpUser.password);
    await client.useDefaultSettings();
    return await task(client, log);
  } finally {
    client.close();
  }
}

/** One raw control-connection reply to `command`. */
function rawReply(combo: Combo, command: string): Promise<{ code: number; message: string }> {
  return rawSession(combo, (client) => client.sendIgnoringError(command));
}

for (const combo of combosOf(interop.targets)) describe(combo.label, () => {
  const remote = `/${combo.slug}`;
  const local = join(combo.target.dataDir, combo.slug);
  const at = (...parts: string[]) => join(local, ...parts);
  let cookie = "";

  beforeAll(async () => {
    mkdirSync(local);
    makeNameFixtures(join(local, "names"));
    // A known time far in the past: LIST shows a year, MLSD the exact second.
    utimesSync(join(local, "names", names.plain), knownTime, knownTime);
    chownTree(local);
  });
  afterAll(async () => {
    if (cookie) await logout(cookie);
  });

  test("login", async () => {
    cookie = await loginAs(combo);
    const info = await expectJson<{ tls: string; transferMode: string }>(await call("GET", "/api/session", { cookie }), 200);
    expect(info).toMatchObject({ tls: combo.tls, transferMode: combo.mode });
  });

  test("listing", async () => {
    const acceptedBefore = activeConnectionsAccepted();
    const listing = await list(cookie, `${remote}/names`);
    // The data connection really went the chosen way: in active mode the server connected to Ferry.
    if (combo.mode === "active") expect(activeConnectionsAccepted()).toBeGreaterThan(acceptedBefore);
    const plain = listing.entries.find((e) => e.name === names.plain);
    expect(plain).toMatchObject({ type: "file", size: Buffer.byteLength(`content of ${names.plain}\n`) });
    expect(listing.entries.find((e) => e.name === names.folder)).toMatchObject({ type: "dir", size: null });
    expect(listing.entries.some((e) => e.name === "." || e.name === "..")).toBe(false);
  });

  test("MLSD listing", async () => {
    // Ferry lists with MLSD when FEAT offers MLST; otherwise LIST (the "listing" row covers that path).
    const reply = await rawReply(combo, "MLST /");
    const plainOf = async () => (await list(cookie, `${remote}/names`)).entries.find((e) => e.name === names.plain);
    if (reply.code >= 500) {
      noteUnsupported(combo, "MLSD listing", `${reply.code} ${reply.message.replace(/^\d{3}[ -]/, "")}`);
      // LIST instead: the date to the day, as `ls` prints a year for old files.
      const plain = await plainOf();
      expect(plain?.rawModifiedAt).toMatch(/^Mar\s+0?4\s+2021$/);
      expect(plain?.modifiedAt).toBe("2021-03-04T00:00:00.000Z");
      return;
    }
    // MLSD: exact UTC time to the second, exact size, unix.mode.
    expect(await plainOf()).toMatchObject({ modifiedAt: knownTime.toISOString(), size: Buffer.byteLength(`content of ${names.plain}\n`), permissions: "0644" });
  });

  test("Korean names", async () => {
    const listing = await list(cookie, `${remote}/names`);
    expect(listing.entries.map((e) => e.name)).toContain(names.korean);
  });

  test("leading and trailing spaces", async () => {
    const listed = (await list(cookie, `${remote}/names`)).entries.map((e) => e.name);
    expect(listed).toContain(names.leadingSpace);
    expect(listed).toContain(names.trailingSpace);
  });

  test("leading dash", async () => {
    expect((await list(cookie, `${remote}/names`)).entries.map((e) => e.name)).toContain(names.dash);
  });

  test("names of 200+ bytes", async () => {
    expect(Buffer.byteLength(names.long)).toBeGreaterThan(200);
    expect((await list(cookie, `${remote}/names`)).entries.map((e) => e.name)).toContain(names.long);
  });

  test("symlinks", async () => {
    const entries = (await list(cookie, `${remote}/names`)).entries;
    const toFile = entries.find((e) => e.name === names.linkToFile);
    const toDir = entries.find((e) => e.name === names.linkToDir);
    expect(toFile).toBeDefined();
    expect(toDir).toBeDefined();
    // Opening a link to a folder lists the folder it points to.
    const inside = await list(cookie, `${remote}/names/${names.linkToDir}`);
    expect(inside.entries.map((e) => e.name)).toEqual(["inner.txt"]);
    // A row listed as "link" gets its target's type when opened (stat); servers that follow links list the target's type.
    for (const [entry, expected] of [[toFile!, "file"], [toDir!, "dir"]] as const) {
      const stat = await expectJson<{ entry: { type: string }; targetType?: string | null }>(
        await call("GET", "/api/fs/stat", { cookie, query: { path: `${remote}/names/${entry.name}` } }),
        200,
      );
      expect(stat.entry.type === "link" ? stat.targetType : stat.entry.type).toBe(expected);
    }
  });

  test("empty files", async () => {
    const empty = (await list(cookie, `${remote}/names`)).entries.find((e) => e.name === names.empty);
    expect(empty).toMatchObject({ type: "file", size: 0 });
  });

  test("10,000-entry folder", async () => {
    const listing = await list(cookie, `/${bigFolder}`);
    expect(listing.entries.every((e) => /^entry-\d{5}\.txt$/.test(e.name))).toBe(true);
    if (listing.entries.length < 10_000) {
      // Pure-FTPd cuts listings at 10,000 lines by default (-L), "." and ".." included.
      const { count, reply } = await rawSession(combo, async (client, log) => {
        await client.cd(`/${bigFolder}`);
        const infos = await client.list();
        return { count: infos.filter((i) => i.name !== "." && i.name !== "..").length, reply: log.filter((l) => l.startsWith("< 226")).at(-1) ?? "" };
      });
      noteUnsupported(combo, "10,000-entry folder", reply.replace(/^< /, "").split("\n").at(-1) ?? reply);
      // Ferry shows every entry the server sent.
      expect(listing.entries.length).toBe(count);
      return;
    }
    expect(listing.entries.length).toBe(10_000);
  });

  defineTransferCases({ combo, remote, local, cookie: () => cookie });

  test("filename encoding cp949", async () => {
    const cp949 = (text: string) => iconv.encode(text, "cp949");
    const dir = at("cp949");
    mkdirSync(dir);
    const original = "한글 파일.txt";
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), cp949(original)]), "euc-kr bytes\n");
    chownTree(dir);
    const onDisk = () => readdirSync(Buffer.from(dir), { encoding: "buffer" }).map((b) => b.toString("hex")).sort();
    const legacy = await loginAs(combo, { encoding: "cp949" });
    try {
      const listing = await list(legacy, `${remote}/cp949`);
      expect(listing.entries.map((e) => e.name)).toEqual([original]);
      expect(listing.encodingHint).toBeNull();
      // Download (RETR of a CP949 path) through the editor's read, upload (STOR + rename) through save.
      const opened = await call("GET", "/api/fs/read", { cookie: legacy, query: { path: `${remote}/cp949/${original}` } });
      expect((await expectJson<{ content: string }>(opened, 200)).content).toBe("euc-kr bytes\n");
      await expectJson(await call("POST", "/api/fs/save", { cookie: legacy, json: { path: `${remote}/cp949/새 파일.txt`, content: "저장\n", version: null } }), 200);
      expect(readFileSync(Buffer.concat([Buffer.from(`${dir}/`), cp949("새 파일.txt")]), "utf8")).toBe("저장\n");
      const renamed = await call("POST", "/api/fs/rename", { cookie: legacy, json: { path: `${remote}/cp949/${original}`, newName: "바뀐 이름.txt" } });
      await expectJson(renamed, 200);
      const hex = (...texts: string[]) => texts.map((t) => cp949(t).toString("hex")).sort();
      expect(onDisk()).toEqual(hex("바뀐 이름.txt", "새 파일.txt"));
      await expectJson(await call("POST", "/api/fs/mkdir", { cookie: legacy, json: { path: `${remote}/cp949/새 폴더` } }), 201);
      expect(onDisk()).toEqual(hex("바뀐 이름.txt", "새 파일.txt", "새 폴더"));
      // In "auto" (UTF-8) the same names do not decode: the listing says so.
      const auto = await loginAs(combo);
      try {
        const hinted = await list(auto, `${remote}/cp949`);
        expect(hinted.encodingHint).toMatch(/cp949/);
      } finally {
        await logout(auto);
      }
      const deleted = await call("POST", "/api/fs/delete", { cookie: legacy, json: { paths: [`${remote}/cp949/바뀐 이름.txt`, `${remote}/cp949/새 파일.txt`, `${remote}/cp949/새 폴더`] } });
      expect((await expectJson<{ failed: unknown[] }>(deleted, 200)).failed).toEqual([]);
      expect(onDisk()).toEqual([]);
    } finally {
      await logout(legacy);
    }
  });

  test("mkdir", async () => {
    const res = await call("POST", "/api/fs/mkdir", { cookie, json: { path: `${remote}/made by ferry` } });
    await expectJson(res, 201);
    expect(statSync(at("made by ferry")).isDirectory()).toBe(true);
  });

  test("new empty file", async () => {
    // An empty STOR is the upload FTPS servers are most likely to refuse (see lib/ftp/upload-source.ts).
    const res = await call("POST", "/api/fs/touch", { cookie, json: { path: `${remote}/new empty.txt` } });
    await expectJson(res, 201);
    expect(statSync(at("new empty.txt")).size).toBe(0);
  });

  test("rename", async () => {
    writeFileSync(at("before.txt"), "rename me\n");
    chownTree(at("before.txt"));
    const res = await call("POST", "/api/fs/rename", { cookie, json: { path: `${remote}/before.txt`, newName: "after 이름.txt" } });
    await expectJson(res, 200);
    expect(existsSync(at("before.txt"))).toBe(false);
    expect(readFileSync(at("after 이름.txt"), "utf8")).toBe("rename me\n");
  });

  test("move", async () => {
    mkdirSync(at("move-src"));
    mkdirSync(at("move-dst"));
    writeFileSync(at("move-src", "moved.txt"), "move me\n");
    chownTree(local);
    const res = await call("POST", "/api/fs/move", { cookie, json: { paths: [`${remote}/move-src/moved.txt`], targetDir: `${remote}/move-dst` } });
    const summary = await expectJson<{ done: unknown[]; failed: unknown[] }>(res, 200);
    expect(summary.failed).toEqual([]);
    expect(readFileSync(at("move-dst", "moved.txt"), "utf8")).toBe("move me\n");
    expect(existsSync(at("move-src", "moved.txt"))).toBe(false);
  });

  test("recursive delete", async () => {
    mkdirSync(at("doomed", "a", "b"), { recursive: true });
    writeFileSync(at("doomed", "top.txt"), "x");
    writeFileSync(at("doomed", "a", "b", " deep file .txt"), "y");
    writeFileSync(at("doomed", "a", "-dash"), "");
    chownTree(local);
    const res = await call("POST", "/api/fs/delete", { cookie, json: { paths: [`${remote}/doomed`] } });
    const summary = await expectJson<{ done: unknown[]; failed: unknown[] }>(res, 200);
    expect(summary.failed).toEqual([]);
    expect(existsSync(at("doomed"))).toBe(false);
  });

  test("chmod", async () => {
    writeFileSync(at("mode.txt"), "chmod me\n");
    chownTree(at("mode.txt"));
    const res = await call("POST", "/api/fs/chmod", { cookie, json: { paths: [`${remote}/mode.txt`], mode: "600" } });
    if (res.status === 501) {
      const reply = await rawReply(combo, `SITE CHMOD 600 ${remote}/mode.txt`);
      noteUnsupported(combo, "chmod", `${reply.code} ${reply.message.replace(/^\d{3}[ -]/, "")}`);
      expect(reply.code).toBeGreaterThanOrEqual(500);
      return;
    }
    const summary = await expectJson<{ failed: unknown[] }>(res, 200);
    expect(summary.failed).toEqual([]);
    expect(lstatSync(at("mode.txt")).mode & 0o777).toBe(0o600);
  });

  test("copy", async () => {
    mkdirSync(at("copy-src", "nested"), { recursive: true });
    mkdirSync(at("copy-dst"));
    const big = writeRandomFile(at("copy-src", "nested", "3 MiB 파일.bin"), 3 * 1024 * 1024);
    writeFileSync(at("copy-src", " small.txt"), "copy me\n");
    chownTree(local);
    const res = await call("POST", "/api/fs/copy", { cookie, json: { paths: [`${remote}/copy-src`], targetDir: `${remote}/copy-dst` } });
    const summary = await expectJson<{ failed: unknown[] }>(res, 200);
    expect(summary.failed).toEqual([]);
    expect(await sha256File(at("copy-dst", "copy-src", "nested", "3 MiB 파일.bin"))).toBe(big);
    expect(readFileSync(at("copy-dst", "copy-src", " small.txt"), "utf8")).toBe("copy me\n");
    // The original stays.
    expect(await sha256File(at("copy-src", "nested", "3 MiB 파일.bin"))).toBe(big);
  });

  test("editor save", async () => {
    writeFileSync(at("edit me.txt"), "line one\r\nline two\r\n");
    chownTree(at("edit me.txt"));
    const opened = await expectJson<{ content: string; version: string; lineEnding: string; bom: boolean }>(
      await call("GET", "/api/fs/read", { cookie, query: { path: `${remote}/edit me.txt` } }),
      200,
    );
    expect(opened).toMatchObject({ content: "line one\r\nline two\r\n", lineEnding: "crlf", bom: false });
    const saved = await call("POST", "/api/fs/save", {
      cookie,
      json: { path: `${remote}/edit me.txt`, content: "line one\nline 2 — 한국어\n", version: opened.version, lineEnding: "crlf" },
    });
    await expectJson(saved, 200);
    expect(readFileSync(at("edit me.txt"), "utf8")).toBe("line one\r\nline 2 — 한국어\r\n");
    // No temp file left beside it.
    expect(readdirSync(local).filter((n) => n.includes("edit me") && n !== "edit me.txt")).toEqual([]);
  });
});
