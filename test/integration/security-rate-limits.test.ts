import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { setEnv } from "../security/env";
import { spyOnNetwork } from "../security/network-spies";
import { apiRequest, embeddedFtp } from "./helpers";

function loginFrom(forwardedFor: string, overrides: Record<string, unknown> = {}) {
  const { host, port } = embeddedFtp();
  return sessionRoute.POST(
    apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo", ...overrides }, headers: { "x-forwarded-for": forwardedFor } }),
  );
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  const body = (await res.json()) as { error: { code: string; details: { retryAfterSeconds: number } } };
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
}

describe("login rate limits", () => {
  let restore: () => void;
  beforeAll(() => {
    restore = setEnv({ TRUST_PROXY: "1", LOGIN_FAILURES_PER_IP: "3", LOGIN_FAILURES_PER_HOST: "5", SESSIONS_PER_IP_PER_HOUR: "2" });
  });
  afterAll(() => restore());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("refuses a client IP after too many failed logins, before contacting the server", async () => {
    const target = { host: "target1.example", port: embeddedFtp().port };
    const network = spyOnNetwork({ "target1.example": ["127.0.0.1"] });
    for (let i = 0; i < 3; i++) expect((await loginFrom("198.51.100.1", { ...target, password: "wrong" })).status).toBe(401);
    const socketsBefore = network.connectedHosts().length;
    await expectRateLimited(await loginFrom("198.51.100.1", target));
    expect(network.connectedHosts().length).toBe(socketsBefore);
    // Another client is not affected.
    expect((await loginFrom("198.51.100.2", target)).status).toBe(201);
  });

  it("refuses a target host after too many failed logins from any addresses, however it is spelled", async () => {
    const { port } = embeddedFtp();
    spyOnNetwork({ "target.example": ["127.0.0.1"] });
    const attempt = (ip: string, host: string, password = "wrong") => loginFrom(ip, { host, port, password });
    for (let i = 0; i < 3; i++) expect((await attempt(`198.51.100.${10 + i}`, "0x7f.1")).status).toBe(401);
    for (let i = 3; i < 5; i++) expect((await attempt(`198.51.100.${10 + i}`, "127.0.0.1")).status).toBe(401);
    await expectRateLimited(await attempt("198.51.100.20", "127.1", "demo"));
    // The same server under a name is another key: limits are per name or address typed.
    expect((await attempt("198.51.100.21", "target.example", "demo")).status).toBe(201);
  });

  it("limits new sessions per client IP", async () => {
    const ip = "198.51.100.30";
    spyOnNetwork({ "target2.example": ["127.0.0.1"] });
    const { port } = embeddedFtp();
    expect((await loginFrom(ip, { host: "target2.example", port })).status).toBe(201);
    expect((await loginFrom(ip, { host: "target2.example", port })).status).toBe(201);
    await expectRateLimited(await loginFrom(ip, { host: "target2.example", port }));
  });

  it("believes only the entry the trusted proxy wrote, not what the client prepends", async () => {
    spyOnNetwork({ "target3.example": ["127.0.0.1"] });
    const { port } = embeddedFtp();
    for (let i = 0; i < 3; i++) {
      expect((await loginFrom(`10.0.0.${i}, 198.51.100.40`, { host: "target3.example", port, password: "wrong" })).status).toBe(401);
    }
    await expectRateLimited(await loginFrom("10.0.0.99, 198.51.100.40", { host: "target3.example", port }));
  });

  it("ignores X-Forwarded-For without TRUST_PROXY", async () => {
    const inner = setEnv({ TRUST_PROXY: "0" });
    try {
      spyOnNetwork({ "target4.example": ["127.0.0.1"] });
      const { port } = embeddedFtp();
      for (let i = 0; i < 3; i++) expect((await loginFrom(`198.51.100.${50 + i}`, { host: "target4.example", port, password: "wrong" })).status).toBe(401);
      // A fresh X-Forwarded-For does not buy a fresh allowance: all came from the same socket.
      await expectRateLimited(await loginFrom("198.51.100.60", { host: "target4.example", port }));
    } finally {
      inner();
    }
  });
});
