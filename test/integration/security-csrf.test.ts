import { FTPContext } from "basic-ftp";
import net from "node:net";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadApiRoutes } from "../security/api-routes";
import { setEnv } from "../security/env";
import { apiRequest, errorOf, login, ORIGIN } from "./helpers";

const stateChanging = await loadApiRoutes(["POST", "PUT", "PATCH", "DELETE"]);

const variants: Array<[string, { crossSite?: boolean; headers?: Record<string, string> }]> = [
  ["no Origin and no X-Ferry-Request (a plain cross-site form)", { crossSite: true }],
  ["Origin: null (sandboxed frame, data: URL)", { headers: { origin: "null" } }],
  ["another site's Origin", { headers: { origin: "https://evil.example" } }],
  ["Ferry's host on another port", { headers: { origin: "http://ferry.test:8080" } }],
  ["Ferry's host over another scheme", { headers: { origin: "https://ferry.test" } }],
  ["X-Ferry-Request other than 1", { headers: { "x-ferry-request": "true" } }],
  ["Sec-Fetch-Site: cross-site", { headers: { "sec-fetch-site": "cross-site" } }],
  ["Sec-Fetch-Site: same-site (a sibling subdomain)", { headers: { "sec-fetch-site": "same-site" } }],
];

const body = { path: "/csrf-probe", paths: ["/csrf-probe"], from: "/csrf-probe", to: "/csrf-probe-2", name: "csrf-probe", mode: "755", content: "x", host: "127.0.0.1", user: "demo", password: "demo" };

describe("the CSRF rule on every state-changing route", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await login();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("covers the login and logout routes at least", () => {
    expect(stateChanging.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(["POST /api/session", "DELETE /api/session"]));
  });

  describe.each(stateChanging.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_name, route) => {
    it.each(variants)("refuses %s with 403 before any FTP traffic", async (_what, options) => {
      const send = vi.spyOn(FTPContext.prototype, "send");
      const connect = vi.spyOn(net.Socket.prototype, "connect");
      const res = await route.handler(apiRequest(route.method, route.path, { body, cookie, ...options }));
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect((await errorOf(res)).code).toBe("csrf_rejected");
      expect(send).not.toHaveBeenCalled();
      expect(connect).not.toHaveBeenCalled();
    });
  });

  it("accepts Ferry's own page, and an origin listed in TRUSTED_ORIGINS", async () => {
    const logout = stateChanging.find((r) => r.method === "DELETE" && r.path === "/api/session")!;
    const own = await logout.handler(apiRequest("DELETE", "/api/session", { headers: { origin: ORIGIN, "sec-fetch-site": "same-origin" } }));
    expect(own.status).toBe(204);
    const restore = setEnv({ TRUSTED_ORIGINS: "https://ftp.example.com" });
    try {
      const proxied = await logout.handler(apiRequest("DELETE", "/api/session", { headers: { origin: "https://ftp.example.com" } }));
      expect(proxied.status).toBe(204);
    } finally {
      restore();
    }
  });
});
