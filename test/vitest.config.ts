import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@/": root,
      // The real package throws outside React Server Components; in tests the guard is checked by test/unit/server-only.test.ts.
      "server-only": fileURLToPath(new URL("./setup/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    globalSetup: ["test/setup/embedded-ftp.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: {
      NODE_ENV: "test",
      SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789",
      COOKIE_SECURE: "false",
      FTP_IDLE_CLOSE_SECONDS: "30",
      FTP_TIMEOUT_SECONDS: "5",
      // The target policy refuses loopback by default; the embedded test servers live on 127.0.0.1.
      FTP_ALLOWED_HOSTS: "127.0.0.1",
      // Suites log in many times from one (unknown) client IP; test/integration/security-rate-limits.test.ts tightens these.
      LOGIN_FAILURES_PER_IP: "10000",
      LOGIN_FAILURES_PER_HOST: "10000",
      SESSIONS_PER_IP_PER_HOUR: "10000",
      AUDIT_LOG_LEVEL: "silent",
    },
  },
});
