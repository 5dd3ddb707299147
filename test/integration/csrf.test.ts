import { describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { apiRequest, embeddedFtp, errorOf, login } from "./helpers";

describe("the CSRF rule on state-changing requests", () => {
  const body = () => ({ ...embeddedFtp(), user: "demo", password: "demo" });

  it.each([
    ["no Origin and no X-Ferry-Request", { crossSite: true }],
    ["another Origin", { headers: { origin: "https://evil.example" } }],
    ["Origin: null", { headers: { origin: "null" } }],
    ["the header missing", { headers: { "x-ferry-request": "0" } }],
    ["a cross-site Sec-Fetch-Site", { headers: { "sec-fetch-site": "cross-site" } }],
  ])("refuses a login with %s (403, no cookie)", async (_what, options) => {
    const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: body(), ...options }));
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await errorOf(res)).code).toBe("csrf_rejected");
  });

  it("refuses a cross-site logout, and the session stays alive", async () => {
    const cookie = await login();
    const res = await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie, crossSite: true }));
    expect(res.status).toBe(403);
    const still = await sessionRoute.GET(apiRequest("GET", "/api/session", { cookie }));
    expect(still.status).toBe(200);
  });
});
