import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import * as sessionRoute from "@/app/api/session/route";
import { startFakeFtpServer, type FakeFtpServer } from "../security/fake-ftp-server";
import { spyOnNetwork } from "../security/network-spies";
import { apiRequest, cookieFrom, errorOf } from "./helpers";

describe("a server that answers PASV with another address", () => {
  let server: FakeFtpServer;
  beforeAll(async () => {
    // No EPSV, so basic-ftp falls back to PASV, which names 10.1.2.3 instead of 127.0.0.1.
    server = await startFakeFtpServer({ PASV: "227 Entering Passive Mode (10,1,2,3,195,80)" });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("gets a clear 502 pasv_host_mismatch, and Ferry never connects there", async () => {
    const login = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "127.0.0.1", port: server.port, user: "u", password: "p" } }));
    expect(login.status).toBe(201);
    const net = spyOnNetwork();
    const res = await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie: cookieFrom(login) }));
    expect(res.status).toBe(502);
    const error = await errorOf(res);
    expect(error.code).toBe("pasv_host_mismatch");
    expect(error.message).toContain("10.1.2.3");
    expect(server.commands).toContain("PASV");
    expect(net.connectedHosts().filter((h) => h !== "127.0.0.1")).toEqual([]);
  });
});
