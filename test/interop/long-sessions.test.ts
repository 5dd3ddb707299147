// Long sessions against real servers: idle timeouts, restarts, and connection limits.
// Runs its own instances (short idle timeout, two connections per address) so it can restart them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { call } from "./api";
import { chownTree } from "./fixtures";
import { descendantsOf } from "./harness/process";
import { ServerInstance } from "./harness/servers";
import { lifecycleSpecs } from "./harness/spec";
import type { Combo } from "./matrix";
import { list, loginAs, logout } from "./session";

const interop = inject("interop");
const ctx = {
  baseDir: interop.baseDir,
  certs: { caFile: interop.caFile, certFile: interop.certFile, keyFile: interop.keyFile, pemFile: "", fingerprint: interop.fingerprint },
  passwordHash: interop.passwordHash,
};

/** Resolves when `condition()` holds; polls every 50 ms, fails after `ms`. */
async function until(what: string, condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const spec of lifecycleSpecs) {
  describe(`${spec.kind} | plain | passive`, () => {
    const server = new ServerInstance(ctx, spec);
    const combo: Combo = { target: server.info, tls: "none", mode: "passive", slug: spec.id, label: `${spec.kind} | plain | passive` };
    const sessions = () => descendantsOf(server.pid ?? 0).length;

    beforeAll(async () => {
      mkdirSync(join(server.dataDir, "stuff"));
      for (let i = 0; i < 2000; i++) writeFileSync(join(server.dataDir, "stuff", `file-${i}.txt`), "x");
      chownTree(join(server.dataDir, "stuff"));
      await server.start();
    });
    afterAll(async () => {
      await server.stop();
    });

    if (spec.idleSeconds !== undefined && spec.kind !== "pure-ftpd") {
      test(`idle timeout (${spec.idleSeconds} s): the next listing reconnects`, async () => {
        const cookie = await loginAs(combo);
        try {
          expect((await list(cookie, "/stuff")).entries.length).toBe(2000);
          const busy = sessions();
          expect(busy).toBeGreaterThan(0);
          // The server ends the idle session by itself (its session processes exit).
          await until("the server to drop the idle session", () => sessions() === 0);
          expect((await list(cookie, "/stuff")).entries.length).toBe(2000);
        } finally {
          await logout(cookie);
        }
      });
    }

    test("server restart between two actions", async () => {
      const cookie = await loginAs(combo);
      try {
        expect((await list(cookie, "/stuff")).entries.length).toBe(2000);
        const before = server.pid;
        await server.restart();
        expect(server.pid).not.toBe(before);
        expect((await list(cookie, "/stuff")).entries.length).toBe(2000);
      } finally {
        await logout(cookie);
      }
    });

    test(`too many connections (server allows ${spec.maxPerIp}): the pool shrinks and says so`, async () => {
      // Sessions of the earlier tests must be gone, or they count against the limit.
      await until("earlier sessions to end", () => sessions() === 0);
      const cookie = await loginAs(combo);
      try {
        // Six listings at once: Ferry opens up to FTP_POOL_SIZE (3) connections; the third is refused.
        const first = await Promise.all(Array.from({ length: 6 }, () => call("GET", "/api/fs/list", { cookie, query: { path: "/stuff" } })));
        const failures = first.filter((r) => r.status !== 200);
        // One refusal; two when the server counted both new logins at once (ProFTPD under load).
        expect(failures.length).toBeGreaterThanOrEqual(1);
        expect(failures.length).toBeLessThanOrEqual(2);
        for (const res of failures) {
          expect(res.status).toBe(503);
          const body = (await res.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toBe("ftp_unavailable");
          expect(body.error.message).toMatch(/allows only [12] connection/);
        }
        // From now on the session lives with two connections: every request succeeds.
        const second = await Promise.all(Array.from({ length: 6 }, () => call("GET", "/api/fs/list", { cookie, query: { path: "/stuff" } })));
        expect(second.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      } finally {
        await logout(cookie);
      }
    });
  });
}
