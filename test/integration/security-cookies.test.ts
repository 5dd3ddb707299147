import { afterEach, describe, expect, it, vi } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import * as sessionRoute from "@/app/api/session/route";
import { unsealSessionId } from "@/lib/session/cookie";
import { setEnv } from "../security/env";
import { apiRequest, cookieFrom, embeddedFtp, errorOf, login } from "./helpers";

const OLD_KEY = "old-key-old-key-old-key-old-key-0123456789";
const NEW_KEY = "new-key-new-key-new-key-new-key-0123456789";

function list(cookie: string) {
  return listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the session cookie", () => {
  it("is __Host-ferry, Secure, HttpOnly, SameSite, Path=/ and has no Domain when COOKIE_SECURE is on", async () => {
    const restore = setEnv({ COOKIE_SECURE: "true" });
    try {
      const cookie = await login();
      expect(cookie).toMatch(/^__Host-ferry=Fe26\.2\*/);
      const res = await sessionRoute.GET(apiRequest("GET", "/api/session", { cookie }));
      expect(res.status).toBe(200);
      const logout = await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie }));
      const cleared = logout.headers.get("set-cookie")!;
      expect(cleared).toMatch(/^__Host-ferry=;/);
      expect(cleared).toContain("Secure");
    } finally {
      restore();
    }
  });

  it.each([
    ["true", "__Host-ferry", true],
    ["false", "ferry", false],
  ])("COOKIE_SECURE=%s sets %s with the right attributes", async (secure, name, hasSecure) => {
    const restore = setEnv({ COOKIE_SECURE: secure });
    try {
      const { host, port } = embeddedFtp();
      const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo" } }));
      const attributes = res.headers.get("set-cookie")!.split(";").map((a) => a.trim());
      expect(attributes[0]!.startsWith(`${name}=`)).toBe(true);
      expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
      expect(attributes.includes("Secure")).toBe(hasSecure);
      expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
    } finally {
      restore();
    }
  });

  it("gets a new session id at every login and the old one is revoked", async () => {
    const first = await login();
    const second = cookieFrom(await sessionRoute.POST(apiRequest("POST", "/api/session", { cookie: first, body: { host: "127.0.0.1", port: embeddedFtp().port, user: "demo", password: "demo" } })));
    expect(await unsealSessionId(second.split("=")[1])).not.toBe(await unsealSessionId(first.split("=")[1]));
    expect((await list(first)).status).toBe(401);
    expect((await list(second)).status).toBe(200);
  });

  it("is worthless after logout, even replayed with a valid seal", async () => {
    const cookie = await login();
    await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie }));
    const res = await list(cookie);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("session_expired");
  });

  it.each([
    ["a flipped character", (v: string) => v.slice(0, 40) + (v[40] === "A" ? "B" : "A") + v.slice(41)],
    ["a cut seal", (v: string) => v.slice(0, v.length / 2)],
    ["an empty seal", () => "Fe26.2**"],
    ["garbage", () => "%%%\u00ff*not*a*seal"],
    ["a huge value", () => "x".repeat(16_000)],
  ])("with %s is a 401, never a crash", async (_what, tamper) => {
    const [name, value] = (await login()).split("=") as [string, string];
    const res = await list(`${name}=${tamper(value)}`);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("session_expired");
  });

  it("is a 401 once its seal has expired", async () => {
    const cookie = await login();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 14 * 3_600_000);
    expect(await unsealSessionId(cookie.split("=")[1])).toBeUndefined();
    const res = await list(cookie);
    expect(res.status).toBe(401);
  });
});

describe("SESSION_SECRET rotation", () => {
  it("keeps sessions sealed with an old key open while the key is listed, and ends them when it is removed", async () => {
    const restore = setEnv({ SESSION_SECRET: OLD_KEY });
    try {
      const old = await login();
      setEnv({ SESSION_SECRET: `2:${NEW_KEY},1:${OLD_KEY}` });
      expect((await list(old)).status).toBe(200);
      const fresh = await login();
      // The highest id seals new cookies.
      expect(fresh).toMatch(/^ferry=Fe26\.2\*2\*/);
      setEnv({ SESSION_SECRET: `2:${NEW_KEY}` });
      expect((await list(old)).status).toBe(401);
      expect((await list(fresh)).status).toBe(200);
    } finally {
      restore();
    }
  });
});
