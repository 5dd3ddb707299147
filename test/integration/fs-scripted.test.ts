import { afterEach, describe, expect, it } from "vitest";
import * as chmodRoute from "@/app/api/fs/chmod/route";
import * as copyRoute from "@/app/api/fs/copy/route";
import * as deleteRoute from "@/app/api/fs/delete/route";
import * as moveRoute from "@/app/api/fs/move/route";
import * as searchRoute from "@/app/api/fs/search/route";
import * as statRoute from "@/app/api/fs/stat/route";
import { startScriptedFtpServer, type ScriptedFtpServer } from "../fixtures/scripted-ftp-server";
import { login } from "./helpers";
import { get, ndjsonLines, post } from "./fs-helpers";

// Behaviour that needs server replies the embedded ftp-srv never gives: SITE CPFR/CPTO,
// listings without dates, symbolic links, a server refusing one delete.

let fake: ScriptedFtpServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const file = (name: string, date = "Jan 05  2024") => `-rw-r--r--   1 owner group     5 ${date} ${name}`;
const folder = (name: string) => `drwxr-xr-x   2 owner group  4096 Jan 05  2024 ${name}`;

describe("POST /api/fs/copy on a server with SITE CPFR/CPTO", () => {
  it("lets the server copy each file (no RETR/STOR) and recreates folders with MKD", async () => {
    fake = await startScriptedFtpServer(
      {
        HELP: "214-The following SITE commands are recognized (* =>'s unimplemented)\r\n CPFR CPTO CHMOD\r\n214 Direct comments to root",
        "SITE CPFR": "350 File or directory exists, ready for destination name",
        "SITE CPTO": "250 Copy successful",
        MKD: (line) => `257 "${line.slice(4)}" created`,
      },
      { listings: { "/": [folder("src"), folder("dest")], "/src": [file("a.txt"), folder("inner")], "/src/inner": [file("b.txt")], "/dest": [] } },
    );
    const cookie = await login({ port: fake.port });
    const res = await post(copyRoute.POST, "/api/fs/copy", { paths: ["/src/a.txt", "/src/inner"], targetDir: "/dest" }, cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.failed).toEqual([]);
    expect(body.done).toEqual([
      { path: "/src/a.txt", kind: "file", to: "/dest/a.txt", bytes: 0 },
      { path: "/src/inner", kind: "dir", to: "/dest/inner" },
      { path: "/src/inner/b.txt", kind: "file", to: "/dest/inner/b.txt", bytes: 0 },
    ]);
    const sent = fake.commands.filter((c) => /^(SITE CP|MKD|RETR|STOR)/.test(c));
    expect(sent).toEqual(["SITE CPFR /src/a.txt", "SITE CPTO /dest/a.txt", "MKD /dest/inner", "SITE CPFR /src/inner/b.txt", "SITE CPTO /dest/inner/b.txt"]);
  });
});

describe("GET /api/fs/stat on a server with odd listings", () => {
  it("asks MDTM for a file whose listing date is unusable", async () => {
    fake = await startScriptedFtpServer({ MDTM: "213 20240105123456", SIZE: "213 5" }, { listings: { "/": [file("odd.txt", "Feb 30  2024")] } });
    const cookie = await login({ port: fake.port });
    const body = await (await get(statRoute.GET, "/api/fs/stat", { path: "/odd.txt" }, cookie)).json();
    expect(body.entry).toMatchObject({ name: "odd.txt", type: "file", size: 5, modifiedAt: "2024-01-05T12:34:56.000Z", rawModifiedAt: "Feb 30 2024" });
    expect(fake.commands).toContain("MDTM /odd.txt");
  });

  it("gives a link's target and what it points at (a folder, or nothing when dangling)", async () => {
    fake = await startScriptedFtpServer(
      { SIZE: "550 No such file." },
      {
        listings: {
          "/": ["lrwxrwxrwx   1 owner group     9 Jan 05  2024 docs -> real-docs", "lrwxrwxrwx   1 owner group     4 Jan 05  2024 gone -> nowhere", folder("real-docs")],
          "/docs": [],
          "/real-docs": [],
        },
      },
    );
    const cookie = await login({ port: fake.port });
    const docs = await (await get(statRoute.GET, "/api/fs/stat", { path: "/docs" }, cookie)).json();
    expect(docs).toMatchObject({ path: "/docs", entry: { type: "link", target: "real-docs" }, targetType: "dir" });
    const gone = await (await get(statRoute.GET, "/api/fs/stat", { path: "/gone" }, cookie)).json();
    expect(gone).toMatchObject({ entry: { type: "link", target: "nowhere" }, targetType: null });
  });
});

describe("POST /api/fs/delete when the server refuses one item", () => {
  it("reports the refused file and its folder, and deletes everything else", async () => {
    fake = await startScriptedFtpServer(
      {
        DELE: (line) => (line.endsWith("locked.txt") ? "550 Permission denied." : "250 Deleted."),
        RMD: "250 Removed.",
      },
      { listings: { "/": [folder("tree"), file("other.txt")], "/tree": [file("locked.txt"), file("free.txt"), folder("sub")], "/tree/sub": [file("c.txt")] } },
    );
    const cookie = await login({ port: fake.port });
    const res = await post(deleteRoute.POST, "/api/fs/delete", { paths: ["/tree", "/other.txt"] }, cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.done.map((d: { path: string }) => d.path)).toEqual(["/tree/free.txt", "/tree/sub/c.txt", "/tree/sub", "/other.txt"]);
    expect(body.failed.map((f: { path: string; error: { code: string } }) => [f.path, f.error.code])).toEqual([
      ["/tree/locked.txt", "ftp_permission_denied"],
      ["/tree", "conflict"],
    ]);
    expect(fake.commands.filter((c) => c.startsWith("RMD"))).toEqual(["RMD /tree/sub"]);
  });
});

describe("batches of many entries in one folder", () => {
  it("list that folder once, not once per entry", async () => {
    const names = Array.from({ length: 30 }, (_, i) => `f${i}.txt`);
    fake = await startScriptedFtpServer({ DELE: "250 Deleted." }, { listings: { "/": names.map((n) => file(n)) } });
    const cookie = await login({ port: fake.port });
    const body = await (await post(deleteRoute.POST, "/api/fs/delete", { paths: names.map((n) => `/${n}`) }, cookie)).json();
    expect(body.done).toHaveLength(30);
    expect(fake.commands.filter((c) => c.startsWith("LIST"))).toHaveLength(1);
  });
});

describe("POST /api/fs/move when the server refuses one item", () => {
  it("reports it as refused (not missing) and moves the others into the typed folder", async () => {
    fake = await startScriptedFtpServer(
      {
        RNFR: (line) => (line.endsWith("locked.txt") ? "550 Permission denied." : "350 Ready for destination name."),
        RNTO: "250 Renamed.",
      },
      { listings: { "/": [folder("a"), folder("b")], "/a": [file("locked.txt"), file("free.txt")], "/b": [] } },
    );
    const cookie = await login({ port: fake.port });
    const res = await post(moveRoute.POST, "/api/fs/move", { paths: ["/a/locked.txt", "/a/free.txt"], targetDir: "/a/../b/" }, cookie);
    const body = await res.json();
    expect(body.done).toEqual([{ path: "/a/free.txt", kind: "file", to: "/b/free.txt" }]);
    expect(body.failed).toMatchObject([{ path: "/a/locked.txt", error: { code: "ftp_permission_denied" } }]);
    expect(fake.commands.filter((c) => c.startsWith("RN"))).toEqual(["RNFR /a/locked.txt", "RNFR /a/free.txt", "RNTO /b/free.txt"]);
  });
});

describe("POST /api/fs/chmod when the server refuses (550)", () => {
  it("reports an existing file as refused and a missing one as not found, and goes on", async () => {
    fake = await startScriptedFtpServer(
      { "SITE CHMOD": (line) => (line.endsWith("free.txt") ? "200 SITE CHMOD command successful" : "550 Operation not permitted") },
      { listings: { "/": [file("locked.txt"), file("free.txt")] } },
    );
    const cookie = await login({ port: fake.port });
    const res = await post(chmodRoute.POST, "/api/fs/chmod", { paths: ["/locked.txt", "/ghost.txt", "/free.txt"], mode: "600" }, cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.done).toEqual([{ path: "/free.txt" }]);
    expect(body.failed.map((f: { path: string; error: { code: string } }) => [f.path, f.error.code])).toEqual([
      ["/locked.txt", "ftp_permission_denied"],
      ["/ghost.txt", "not_found"],
    ]);
  });
});

describe("GET /api/fs/search with a folder the server will not list", () => {
  it("skips it, finds the rest, and counts it as unreadable in the end line", async () => {
    fake = await startScriptedFtpServer({}, { listings: { "/": [folder("open"), folder("closed"), file("report-1.txt")], "/open": [file("report-2.txt")] } });
    const cookie = await login({ port: fake.port });
    const lines = await ndjsonLines<{ type: string; path?: string }>(await get(searchRoute.GET, "/api/fs/search", { path: "/", q: "report" }, cookie));
    expect(lines.filter((l) => l.type === "hit").map((l) => l.path)).toEqual(["/open/report-2.txt", "/report-1.txt"]);
    expect(lines.at(-1)).toEqual({ type: "end", visited: 4, hits: 2, unreadable: 1, stopped: null, depthLimited: false });
  });
});
