import { describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import * as listRoute from "@/app/api/fs/list/route";
import { apiRequest, closedPort, embeddedFtp, errorOf, login } from "./helpers";

describe("POST /api/session", () => {
  it("logs in, sets a sealed cookie holding no secrets, and reports the home folder", async () => {
    const { host, port } = embeddedFtp();
    const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo" } }));
    expect(res.status).toBe(201);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^ferry=Fe26\.2\*/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const body = await res.json();
    expect(body).toMatchObject({ host, port, user: "demo", tls: "none", home: "/" });
    expect(JSON.stringify(body)).not.toContain("demo\"" + ",\"password");
    expect(body).not.toHaveProperty("password");
  });

  it("refuses a wrong password with 401 and sets no cookie", async () => {
    const { host, port } = embeddedFtp();
    const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "nope" } }));
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await errorOf(res)).toEqual({ code: "ftp_auth_failed", message: "The server refused the password for user demo." });
  });

  it("reports a refused port as 502 connection_refused", async () => {
    const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "127.0.0.1", port: await closedPort() } }));
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe("connection_refused");
  });

  it("reports an unresolvable host as 502 host_not_found", async () => {
    // .invalid never resolves (RFC 2606), so no traffic leaves the machine.
    const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "no-such-host.invalid", port: 21 } }));
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe("host_not_found");
  });

  it("rejects a body without a host with 400", async () => {
    const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { port: 21 } }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("bad_request");
  });
});

describe("GET and DELETE /api/session", () => {
  it("describes the session, then logs out and revokes the cookie server-side", async () => {
    const cookie = await login();
    const info = await sessionRoute.GET(apiRequest("GET", "/api/session", { cookie }));
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ user: "demo" });

    const out = await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie }));
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");

    // The old cookie is worthless now, even though its seal is still valid.
    const after = await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie }));
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe("session_expired");
  });

  it("answers 401 unauthenticated without a cookie", async () => {
    const res = await sessionRoute.GET(apiRequest("GET", "/api/session"));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unauthenticated");
  });
});
