import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import { startEmbeddedFtpServer, type EmbeddedFtpServer } from "@/lib/demo/embedded-ftp-server";
import { seedDemoTree } from "@/lib/demo/seed-demo-tree";
import { SessionPool } from "@/lib/ftp/pool";
import { apiRequest, login } from "./helpers";

// This file runs its own server so it can drop connections without disturbing other files.
let server: EmbeddedFtpServer;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-pool-"));
  await seedDemoTree(root);
  server = await startEmbeddedFtpServer({ root, pasvRange: [52_000, 52_499] });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const profile = () => ({ host: server.host, port: server.port, user: "demo", password: "demo", tls: "none" as const, transferMode: "passive" as const, encoding: "auto" as const });
const list = (cookie: string) => listRoute.GET(apiRequest("GET", "/api/fs/list?path=/projects", { cookie }));

describe("the connection pool", () => {
  it.each([
    ["silently (idle timeout, FIN)", 0],
    ["with a 421 reply", 421],
  ])("replaces a connection the server closed %s, without the user noticing", async (_how, code) => {
    const cookie = await login({ port: server.port });
    expect((await list(cookie)).status).toBe(200);
    const before = server.logins;
    await server.dropConnections(code);
    const res = await list(cookie);
    expect(res.status).toBe(200);
    expect((await res.json()).entries.length).toBe(2);
    expect(server.logins).toBe(before + 1);
  });

  it("retries an idempotent task once when its connection dies under it", async () => {
    const pool = new SessionPool(profile(), 1);
    await pool.run((c) => c.pwd());
    let attempts = 0;
    const pwd = await pool.run(
      async (client) => {
        attempts += 1;
        if (attempts === 1) await server.dropConnections(0);
        return client.pwd();
      },
      { idempotent: true },
    );
    expect(pwd).toBe("/");
    expect(attempts).toBe(2);
    pool.close();
  });

  it("does not retry a task that is not idempotent", async () => {
    const pool = new SessionPool(profile(), 1);
    await pool.run((c) => c.pwd());
    let attempts = 0;
    await expect(
      pool.run(async (client) => {
        attempts += 1;
        await server.dropConnections(0);
        return client.send("NOOP");
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
    // The next task gets a fresh connection.
    await expect(pool.run((c) => c.pwd())).resolves.toBe("/");
    pool.close();
  });

  it("runs at most `max` tasks at once and queues the rest", async () => {
    const pool = new SessionPool(profile(), 2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.run(async (client) => {
          running += 1;
          peak = Math.max(peak, running);
          await client.list("/");
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(pool.openCount).toBe(2);
    pool.close();
  });
});
