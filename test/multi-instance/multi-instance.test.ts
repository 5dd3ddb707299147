import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedFtpServer, type EmbeddedFtpServer } from "@/lib/demo/embedded-ftp-server";
import { eventually, freePort, requireProgram, startUntil, stop } from "./processes";

const password = "canary-Pa55word-7f3a";
const distDir = ".next-multi-instance";
const secret = "multi-instance-secret-0123456789-abcdefghij";

let ftp: EmbeddedFtpServer;
let ftpRoot: string;
let redisPort: number;
let redis: ChildProcess | undefined;
let redisClient: Redis;
let a: { origin: string; child: ChildProcess };
let b: { origin: string; child: ChildProcess };

async function startInstance(): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = await startUntil(process.execPath, ["scripts/server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      FERRY_DIST_DIR: distDir,
      SESSION_SECRET: secret,
      SESSION_STORE_URL: `redis://127.0.0.1:${redisPort}/0`,
      COOKIE_SECURE: "false",
      FTP_ALLOWED_HOSTS: "127.0.0.1",
      AUDIT_LOG_LEVEL: "silent",
    },
    ready: /Ferry is listening/,
    timeoutMs: 60_000,
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

function call(origin: string, method: string, path: string, cookie?: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { origin, "x-ferry-request": "1" };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function login(origin: string): Promise<string> {
  const res = await call(origin, "POST", "/api/session", undefined, { host: "127.0.0.1", port: ftp.port, user: "alice", password });
  expect(res.status).toBe(201);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

beforeAll(async () => {
  requireProgram("redis-server", "redis-server");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", FERRY_DIST_DIR: distDir } });
  if (build.status !== 0) throw new Error("next build failed");

  ftpRoot = await mkdtemp(join(tmpdir(), "ferry-multi-"));
  await writeFile(join(ftpRoot, "shared.txt"), "seen from every instance\n");
  ftp = await startEmbeddedFtpServer({ root: ftpRoot, users: { alice: password } });

  redisPort = await freePort();
  redis = await startUntil("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    ready: /Ready to accept connections/,
    timeoutMs: 20_000,
  });
  redisClient = new Redis(`redis://127.0.0.1:${redisPort}/0`);
  // The last test stops Redis on purpose; the client's reconnect errors are expected then.
  redisClient.on("error", () => undefined);
  a = await startInstance();
  b = await startInstance();
});

afterAll(async () => {
  await Promise.all([stop(a?.child), stop(b?.child)]);
  redisClient?.disconnect();
  await stop(redis);
  await ftp?.close();
  if (ftpRoot) await rm(ftpRoot, { recursive: true, force: true });
});

describe("two Ferry instances sharing a Redis session store", () => {
  it("a session made on one instance works on the other, and Redis holds no readable secret", async () => {
    const cookie = await login(a.origin);

    const session = await call(b.origin, "GET", "/api/session", cookie);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ host: "127.0.0.1", port: ftp.port, user: "alice" });

    const list = await call(b.origin, "GET", "/api/fs/list?path=/", cookie);
    expect(list.status).toBe(200);
    const names = ((await list.json()) as { entries: { name: string }[] }).entries.map((e) => e.name);
    expect(names).toContain("shared.txt");

    const keys = await redisClient.keys("ferry:session:*");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const stored = (await redisClient.get(key)) ?? "";
      expect(stored).not.toContain(password);
      expect(stored).not.toContain("alice");
      // Kept no longer than the idle timeout (30 min) plus the hour a late request may still be told why.
      const ttl = await redisClient.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(90 * 60_000);
    }
  });

  it("a logout on one instance ends the session on the other and closes its FTP connections there", async () => {
    const cookie = await login(a.origin);
    expect((await call(a.origin, "GET", "/api/fs/list?path=/", cookie)).status).toBe(200);
    const openBefore = ftp.connectionCount;
    expect(openBefore).toBeGreaterThan(0);

    expect((await call(b.origin, "DELETE", "/api/session", cookie)).status).toBe(204);

    const after = await call(a.origin, "GET", "/api/fs/list?path=/", cookie);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe("session_expired");
    // Instance A heard of the logout over Redis pub/sub and closed the session's pooled connections.
    expect(await eventually(() => ftp.connectionCount < openBefore, 10_000)).toBe(true);
  });

  it("a resumable upload started on one instance continues and completes on the other", async () => {
    const cookie = await login(a.origin);
    const put = (origin: string, id: string, offset: number, bytes: string) =>
      fetch(`${origin}/api/fs/uploads/${id}?offset=${offset}`, { method: "PUT", headers: { origin, "x-ferry-request": "1", cookie, "content-type": "application/octet-stream" }, body: bytes });
    // Two uploads of the session, so the second start reads the first's record back from Redis (expired ones are swept).
    const other = await call(a.origin, "POST", "/api/fs/uploads", cookie, { dir: "/", name: "other.txt", size: 3 });
    expect(other.status).toBe(201);
    const created = await call(a.origin, "POST", "/api/fs/uploads", cookie, { dir: "/", name: "moved.txt", size: 10 });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await (await put(a.origin, id, 0, "hello")).json()).toEqual({ offset: 5 });
    const status = await call(b.origin, "GET", `/api/fs/uploads/${id}`, cookie);
    expect(((await status.json()) as { offset: number }).offset).toBe(5);
    expect(await (await put(b.origin, id, 5, "world")).json()).toEqual({ offset: 10 });
    const done = await call(b.origin, "POST", `/api/fs/uploads/${id}/complete`, cookie);
    expect(done.status).toBe(200);
    expect(await readFile(join(ftpRoot, "moved.txt"), "utf8")).toBe("helloworld");
    // The finished upload's record is gone from Redis and from the session's list; the other stays.
    expect(await redisClient.exists(`ferry:upload:${id}`)).toBe(0);
    const otherId = ((await other.json()) as { id: string }).id;
    const [list] = await redisClient.keys("ferry:upload:of:*");
    expect(await redisClient.smembers(list!)).toEqual([otherId]);
  });

  it("answers 503 session_store_unavailable in JSON while Redis is down", async () => {
    const cookie = await login(a.origin);
    await stop(redis);
    const res = await call(a.origin, "GET", "/api/fs/list?path=/", cookie);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("session_store_unavailable");
    expect(body.error.message).toMatch(/session store/);
  });
});
