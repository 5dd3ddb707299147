import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { envTable } from "@/scripts/env-table";

const secret = "x".repeat(32);

describe("parseEnv", () => {
  it("applies the defaults", () => {
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret });
    expect(env).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12, FTP_POOL_SIZE: 3, COOKIE_SECURE: true });
    expect(env.sessionPasswords).toEqual({ 1: secret });
  });

  it("lists every bad value in one error", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short", FTP_POOL_SIZE: "0", SESSION_IDLE_MINUTES: "soon" })).toThrow(
      /Invalid configuration:\n {2}SESSION_SECRET: must be at least 32 characters\n.*SESSION_IDLE_MINUTES.*\n.*FTP_POOL_SIZE/s,
    );
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: required in production/);
  });

  it("parses a rotation map, newest id first or last", () => {
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: `2:${"n".repeat(32)},1:${secret}` });
    expect(env.sessionPasswords).toEqual({ 1: secret, 2: "n".repeat(32) });
  });

  it("generates an ephemeral key outside production", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.sessionPasswords[1]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("README configuration table", () => {
  it("matches lib/env.ts (regenerate with npm run env:table)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const section = /<!-- env-table:start -->\n([\s\S]*?)\n<!-- env-table:end -->/.exec(readme);
    expect(section?.[1]).toBe(envTable());
  });
});
