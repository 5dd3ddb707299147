import { describe, expect, it } from "vitest";
import * as configRoute from "@/app/api/config/route";
import { setEnv } from "../security/env";
import { apiRequest } from "./helpers";

async function config() {
  const res = await configRoute.GET(apiRequest("GET", "/api/config"));
  expect(res.status).toBe(200);
  return (await res.json()) as { freeHost: boolean; activeMode: boolean; servers: unknown[] };
}

describe("GET /api/config", () => {
  it.each([
    ["true", true],
    ["false", false],
  ])("FTP_ACTIVE_ENABLED=%s → activeMode %s (the form hides active mode when false)", async (setting, expected) => {
    const restore = setEnv({ FTP_ACTIVE_ENABLED: setting });
    try {
      expect((await config()).activeMode).toBe(expected);
    } finally {
      restore();
    }
  });

  it("needs no session and offers a free host field when no server is pinned", async () => {
    const restore = setEnv({ FTP_SERVERS: undefined, FERRY_DEMO_HOST: undefined, FERRY_DEMO_PORT: undefined });
    try {
      expect(await config()).toEqual({ freeHost: true, servers: [], activeMode: true });
    } finally {
      restore();
    }
  });
});
