import { afterEach, describe, expect, it, vi } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import { apiRequest, errorOf, login } from "./helpers";

const list = (cookie: string) => listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie }));

// Only Date is faked: FTP sockets and timers keep real time.
afterEach(() => {
  vi.useRealTimers();
});

describe("session expiry", () => {
  it("ends a session idle for longer than SESSION_IDLE_MINUTES (30)", async () => {
    const cookie = await login();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 29 * 60_000);
    expect((await list(cookie)).status).toBe(200);
    // Activity resets the idle clock; 31 more minutes without any ends it.
    vi.setSystemTime(Date.now() + 31 * 60_000);
    const res = await list(cookie);
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toEqual({ code: "session_expired", message: "Your session ended after 30 minutes without activity. Log in again." });
  });

  it("ends an active session after SESSION_MAX_HOURS (12)", async () => {
    const cookie = await login();
    vi.useFakeTimers({ toFake: ["Date"] });
    // Active every 25 minutes (under the idle limit) until 700 minutes; 25 more cross 12 hours.
    for (let minutes = 25; minutes <= 700; minutes += 25) {
      vi.setSystemTime(Date.now() + 25 * 60_000);
      expect((await list(cookie)).status).toBe(200);
    }
    vi.setSystemTime(Date.now() + 25 * 60_000);
    const res = await list(cookie);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).message).toBe("Your session ended after 12 hours. Log in again.");
  });
});
