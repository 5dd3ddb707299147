// The contract every real server must pass, through Ferry's HTTP API: one file,
// parameterised by server × TLS mode × transfer mode (see matrix.ts).
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { activeConnectionsAccepted } from "@/lib/ftp/active-mode";
import { call, expectJson } from "./api";
import { chownTree, makeNameFixtures, names } from "./fixtures";
import { bigFolder } from "./global-setup";
import { ftpUser } from "./harness/context";
import { combosOf, noteUnsupported, type Combo } from "./matrix";
import { list, loginAs, logout } from "./session";

const interop = inject("interop");

/** One raw control-connection reply (for the matrix: what the server says about a command it lacks). */
async function rawReply(combo: Combo, command: string): Promise<{ code: number; message: string }> {
  const client = new Client(10_000);
  try {
    const secureOptions = { ca: readFileSync(interop.caFile), host: "127.0.0.1" };
    if (combo.tls === "implicit") await client.connectImplicitTLS("127.0.0.1", combo.target.port, secureOptions);
    else await client.connect("127.0.0.1", combo.target.port);
    if (combo.tls === "explicit") await client.useTLS(secureOptions);
    await client.login(ftpUser.name, ftpUser.password);
    return await client.sendIgnoringError(command);
  } finally {
    client.close();
  }
}

for (const combo of combosOf(interop.targets)) describe(combo.label, () => {
  const remote = `/${combo.slug}`;
  const local = join(combo.target.dataDir, combo.slug);
  const at = (...parts: string[]) => join(local, ...parts);
  let cookie = "";

  beforeAll(async () => {
    mkdirSync(local);
    makeNameFixtures(join(local, "names"));
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
    if (reply.code >= 500) {
      noteUnsupported(combo, "MLSD listing", `${reply.code} ${reply.message.replace(/^\d{3}[ -]/, "")}`);
      expect((await list(cookie, `${remote}/names`)).entries.length).toBeGreaterThan(0);
      return;
    }
    const listing = await list(cookie, `${remote}/names`);
    // MLSD gives exact sizes and permissions (unix.mode) for every entry.
    const plain = listing.entries.find((e) => e.name === names.plain);
    expect(plain?.permissions).toBe("0644");
    expect(plain?.size).toBe(Buffer.byteLength(`content of ${names.plain}\n`));
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
  });

  test("empty files", async () => {
    const empty = (await list(cookie, `${remote}/names`)).entries.find((e) => e.name === names.empty);
    expect(empty).toMatchObject({ type: "file", size: 0 });
  });

  test("10,000-entry folder", async () => {
    const listing = await list(cookie, `/${bigFolder}`);
    expect(listing.entries.length).toBe(10_000);
    expect(listing.entries.at(-1)?.name ?? "").toMatch(/^entry-\d{5}\.txt$/);
  });

  test("mkdir", async () => {
    const res = await call("POST", "/api/fs/mkdir", { cookie, json: { path: `${remote}/made by ferry` } });
    await expectJson(res, 201);
    expect(statSync(at("made by ferry")).isDirectory()).toBe(true);
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
});
