import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The interop suite: real vsftpd, ProFTPD and Pure-FTPd started by global-setup.ts (as root). */
export default defineConfig({
  root,
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("../setup/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/interop/**/*.test.ts"],
    globalSetup: ["test/interop/global-setup.ts"],
    setupFiles: ["test/interop/setup-env.ts"],
    // Files share the servers; each works in its own folders. Two cores: two workers.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: {
      NODE_ENV: "test",
      SESSION_SECRET: "interop-secret-interop-secret-0123456789abcdef",
      COOKIE_SECURE: "false",
      FTP_TIMEOUT_SECONDS: "15",
      FTP_IDLE_CLOSE_SECONDS: "60",
      // The servers listen on loopback: an exact rule admits it (the default policy refuses it).
      FTP_ALLOWED_HOSTS: "127.0.0.1",
      FTP_ACTIVE_PORT_RANGE: "40900-40999",
      LOGIN_FAILURES_PER_IP: "1000",
      LOGIN_FAILURES_PER_HOST: "1000",
      SESSIONS_PER_IP_PER_HOUR: "10000",
      TRANSFERS_PER_SESSION: "4",
      AUDIT_LOG_LEVEL: "silent",
    },
  },
});
