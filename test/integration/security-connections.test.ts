import { afterEach, describe, expect, it, vi } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { openConnectionCount } from "@/lib/security/connection-budget";
import { setEnv } from "../security/env";
import { startFakeFtpServer } from "../security/fake-ftp-server";
import { spyOnNetwork } from "../security/network-spies";
import { apiRequest, cookieFrom, embeddedFtp, errorOf } from "./helpers";

function login() {
  const { host, port } = embeddedFtp();
  return sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo" } }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("connection limits", () => {
  it("caps FTP connections across all sessions, and gives them back at logout", async () => {
    const restore = setEnv({ FTP_MAX_CONNECTIONS_TOTAL: String(openConnectionCount() + 1) });
    try {
      const first = await login();
      expect(first.status).toBe(201);
      const network = spyOnNetwork();
      const refused = await login();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("30");
      expect(await errorOf(refused)).toMatchObject({ code: "server_busy" });
      expect(network.connectedHosts()).toEqual([]);
      await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie: cookieFrom(first) }));
      expect((await login()).status).toBe(201);
    } finally {
      restore();
    }
  });

  it("explains a server that refuses more connections (421) in words", async () => {
    const server = await startFakeFtpServer({}, "421 Too many connections from your IP");
    try {
      const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "127.0.0.1", port: server.port } }));
      expect(res.status).toBe(503);
      const error = await errorOf(res);
      expect(error.code).toBe("ftp_unavailable");
      expect(error.message).toMatch(/not accepting more connections/);
    } finally {
      await server.close();
    }
  });
});
