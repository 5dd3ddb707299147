import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as configRoute from "@/app/api/config/route";
import * as listRoute from "@/app/api/fs/list/route";
import * as sessionRoute from "@/app/api/session/route";
import { startEmbeddedFtpServer, type EmbeddedFtpServer } from "@/lib/demo/embedded-ftp-server";
import { setEnv } from "../security/env";
import { spyOnNetwork } from "../security/network-spies";
import { apiRequest, cookieFrom, embeddedFtp } from "./helpers";

async function tryLogin(host: string, port = 21) {
  const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo" } }));
  const body = (await res.json()) as { error?: { code: string; message: string; details?: { reason: string } } };
  return { res, status: res.status, error: body.error };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the default policy of a public deployment", () => {
  let restore: () => void;
  beforeAll(() => {
    restore = setEnv({ FTP_ALLOWED_HOSTS: "" });
  });
  afterAll(() => restore());

  it.each([
    ["127.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["127.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["0x7f.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["017700000001", "loopback"],
    ["127.0.0.1.", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0", "unspecified"],
    ["::", "unspecified"],
    ["10.0.0.1", "private"],
    ["012.0.0.1", "private"],
    ["167772161", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["[::ffff:192.168.1.1]", "private"],
    ["64:ff9b::10.0.0.1", "private"],
    ["2002:a00:1::", "private"],
    ["fd12:3456::1", "private"],
    ["100.64.0.1", "cgnat"],
    ["169.254.169.254", "link-local"],
    ["0xa9.0xfe.0xa9.0xfe", "link-local"],
    ["fe80::1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
  ])("refuses %s (%s) with 403, before any lookup or socket", async (host, category) => {
    const net = spyOnNetwork();
    const { status, error } = await tryLogin(host);
    expect(status).toBe(403);
    expect(error).toMatchObject({ code: "target_denied", details: { reason: category } });
    expect(net.lookup).not.toHaveBeenCalled();
    expect(net.connectedHosts()).toEqual([]);
  });

  it.each([
    ["intranet.example", ["10.20.30.40"], "private"],
    ["localhost.example", ["127.0.0.1", "::1"], "loopback"],
    ["metadata.example", ["169.254.169.254"], "link-local"],
    ["mapped.example", ["::ffff:10.0.0.1"], "private"],
    // One public address does not excuse a private one: every answer is checked.
    ["mixed.example", ["8.8.8.8", "192.168.0.10"], "private"],
  ])("refuses %s, which resolves to %j, after one lookup and before any socket", async (host, addresses, category) => {
    const net = spyOnNetwork({ [host]: addresses });
    const { status, error } = await tryLogin(host);
    expect(status).toBe(403);
    expect(error).toMatchObject({ code: "target_denied", details: { reason: category } });
    expect(error?.message).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
    expect(net.lookup).toHaveBeenCalledTimes(1);
    expect(net.connectedHosts()).toEqual([]);
  });

  it("refuses a port outside FTP_ALLOWED_PORTS before any lookup", async () => {
    const net = spyOnNetwork({ "ftp.example": ["8.8.8.8"] });
    const { status, error } = await tryLogin("ftp.example", 25);
    expect(status).toBe(403);
    expect(error?.details?.reason).toBe("port");
    expect(net.lookup).not.toHaveBeenCalled();
    expect(net.connectedHosts()).toEqual([]);
  });
});

describe("configured rules", () => {
  let server: EmbeddedFtpServer;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "ferry-targets-"));
    await writeFile(join(root, "file.txt"), "x");
    server = await startEmbeddedFtpServer({ root, users: { demo: "demo" }, pasvRange: [52_300, 52_349] });
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("FTP_DENIED_HOSTS wins over everything, by name (no lookup) and by range", async () => {
    const restore = setEnv({ FTP_ALLOWED_HOSTS: "127.0.0.1,*.blocked.example", FTP_DENIED_HOSTS: "*.blocked.example,127.0.0.0/8" });
    try {
      const net = spyOnNetwork({ "files.blocked.example": ["127.0.0.1"] });
      expect((await tryLogin("files.blocked.example", server.port)).error?.details?.reason).toBe("denied");
      expect((await tryLogin("127.0.0.1", server.port)).error?.details?.reason).toBe("denied");
      expect(net.lookup).not.toHaveBeenCalled();
      expect(net.connectedHosts()).toEqual([]);
    } finally {
      restore();
    }
  });

  it("an allow-list of names refuses other names without a lookup; a wildcard never unlocks loopback; an exact name does", async () => {
    const restore = setEnv({ FTP_ALLOWED_HOSTS: `*.corp.example,files.corp.example:${server.port}` });
    try {
      const net = spyOnNetwork({ "files.corp.example": ["127.0.0.1"], "other.corp.example": ["127.0.0.1"] });
      expect((await tryLogin("evil.example", server.port)).error?.details?.reason).toBe("not_allowed");
      expect(net.lookup).not.toHaveBeenCalled();
      expect((await tryLogin("other.corp.example", server.port)).error?.details?.reason).toBe("loopback");
      expect(net.connectedHosts()).toEqual([]);
      const { status } = await tryLogin("files.corp.example", server.port);
      expect(status).toBe(201);
      // Connected to the checked address, not to the name (which would be looked up again).
      expect(net.connectedHosts()).toEqual(["127.0.0.1"]);
    } finally {
      restore();
    }
  });

  it("checks the target again on every reconnect, so a changed DNS answer is refused", async () => {
    const restore = setEnv({ FTP_ALLOWED_HOSTS: "127.0.0.1" });
    try {
      let answer = ["127.0.0.1"];
      const net = spyOnNetwork({ "rebind.example": () => answer });
      const login = await tryLogin("rebind.example", server.port);
      expect(login.status).toBe(201);
      expect(net.lookup).toHaveBeenCalledTimes(1);
      // The server drops the connection; the DNS answer now points into the private network.
      await server.dropConnections(421);
      answer = ["10.9.8.7"];
      const list = await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie: cookieFrom(login.res) }));
      expect(list.status).toBe(403);
      expect(net.lookup).toHaveBeenCalledTimes(2);
      expect(net.connectedHosts().every((h) => h === "127.0.0.1")).toBe(true);
    } finally {
      restore();
    }
  });

  it("pins Ferry to FTP_SERVERS: GET /api/config offers them and nothing else is reachable", async () => {
    const restore = setEnv({ FTP_ALLOWED_HOSTS: "", FTP_SERVERS: `Team files=127.0.0.1:${server.port}` });
    try {
      const config = await configRoute.GET(apiRequest("GET", "/api/config"));
      expect(await config.json()).toEqual({ freeHost: false, activeMode: true, servers: [{ id: "1", label: "Team files", host: "127.0.0.1", port: server.port, demo: false }] });
      const net = spyOnNetwork();
      expect((await tryLogin("127.0.0.1", embeddedFtp().port)).error?.details?.reason).toBe("not_offered");
      expect(net.connectedHosts()).toEqual([]);
      expect((await tryLogin("127.0.0.1", server.port)).status).toBe(201);
    } finally {
      restore();
    }
  });

  it("the demo allows only its own embedded server", async () => {
    const restore = setEnv({ FTP_ALLOWED_HOSTS: "", FERRY_DEMO_HOST: "127.0.0.1", FERRY_DEMO_PORT: String(server.port) });
    try {
      const config = await configRoute.GET(apiRequest("GET", "/api/config"));
      expect(await config.json()).toMatchObject({ freeHost: false, servers: [{ id: "demo", host: "127.0.0.1", port: server.port, demo: true }] });
      const net = spyOnNetwork({ "ftp.example": ["8.8.8.8"] });
      expect((await tryLogin("ftp.example")).error?.details?.reason).toBe("not_offered");
      expect(net.lookup).not.toHaveBeenCalled();
      expect((await tryLogin("127.0.0.1", server.port)).status).toBe(201);
    } finally {
      restore();
    }
  });

  it("GET /api/config offers a free host field without pinning", async () => {
    const res = await configRoute.GET(apiRequest("GET", "/api/config"));
    expect(await res.json()).toEqual({ freeHost: true, activeMode: true, servers: [] });
  });
});
