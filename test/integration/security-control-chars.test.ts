import { FTPContext } from "basic-ftp";
import net from "node:net";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { loadApiRoutes, type ApiRoute } from "../security/api-routes";
import { apiRequest, embeddedFtp, login } from "./helpers";

const routes = await loadApiRoutes(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const withFtp = routes.filter((r) => !["/api/session", "/api/config"].includes(r.path));
const bad = [
  ["CR", "\r"],
  ["LF", "\n"],
  ["NUL", "\0"],
] as const;

/** Counts FTP commands and sockets while `run` goes. */
async function ftpTrafficDuring(run: () => Promise<Response>): Promise<{ res: Response; commands: number; sockets: number }> {
  const send = vi.spyOn(FTPContext.prototype, "send");
  const connect = vi.spyOn(net.Socket.prototype, "connect");
  const res = await run();
  await res.body?.cancel();
  return { res, commands: send.mock.calls.length, sockets: connect.mock.calls.length };
}

function call(route: ApiRoute, cookie: string, fields: Record<string, unknown>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (typeof value === "string") query.set(key, value);
  const body = route.method === "GET" ? undefined : fields;
  return route.handler(apiRequest(route.method, `${route.path}?${query}`, { cookie, body }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("CR, LF and NUL are refused with 400 before any FTP command", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await login();
  });

  describe.each(bad)("%s", (_name, char) => {
    it.each(["host", "user", "password"])(`in the login's %s`, async (field) => {
      const { host, port } = embeddedFtp();
      const values: Record<string, unknown> = { host, port, user: "demo", password: "demo" };
      values[field] = `${String(values[field])}${char}DELE x`;
      const { res, sockets } = await ftpTrafficDuring(() => sessionRoute.POST(apiRequest("POST", "/api/session", { body: values })));
      expect(res.status).toBe(400);
      expect(sockets).toBe(0);
    });

    it.each(withFtp.map((r) => [`${r.method} ${r.path}`, r] as const))("in every path and name of %s", async (_label, route) => {
      const evil = `/ferry-ctl${char}DELE x`;
      const fields = { path: evil, paths: [evil], targetDir: evil, newName: `n${char}DELE x`, name: `n${char}x`, from: evil, to: evil, dir: evil, q: `q${char}x`, content: "x", version: null };
      const { res, commands } = await ftpTrafficDuring(() => call(route, cookie, fields));
      expect(res.status).toBe(400);
      expect(commands).toBe(0);
    });

    it.each([
      ["POST /api/fs/rename", { path: "/ferry-ctl-ok", newName: `n${char}DELE x` }],
      ["POST /api/fs/move", { paths: ["/ferry-ctl-ok"], targetDir: `/ferry${char}DELE x` }],
      ["POST /api/fs/copy", { paths: ["/ferry-ctl-ok"], targetDir: `/ferry${char}DELE x` }],
      ["POST /api/fs/delete", { paths: ["/ferry-ctl-ok", `/ferry${char}DELE x`] }],
      ["POST /api/fs/extract", { path: "/ferry-ctl-ok.zip", targetDir: `/ferry${char}DELE x` }],
    ])("in the one bad field of %s", async (label, fields) => {
      const route = routes.find((r) => `${r.method} ${r.path}` === label);
      expect(route, `${label} exists`).toBeDefined();
      const { res, commands } = await ftpTrafficDuring(() => call(route!, cookie, fields));
      expect(res.status).toBe(400);
      expect(commands).toBe(0);
    });
  });
});
