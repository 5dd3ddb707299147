import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

// Two Ferry processes sharing one Redis: needs redis-server (Debian) and a production build, made by the suite.
export default defineConfig({
  root,
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("../setup/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/multi-instance/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
