import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chmodRoute from "@/app/api/fs/chmod/route";
import * as deleteRoute from "@/app/api/fs/delete/route";
import * as renameRoute from "@/app/api/fs/rename/route";
import * as sessionRoute from "@/app/api/session/route";
import { sessionTag } from "@/lib/audit/audit-log";
import { unsealSessionId } from "@/lib/session/cookie";
import { setEnv } from "../security/env";
import { apiRequest, cookieFrom, embeddedFtp } from "./helpers";

type Line = Record<string, unknown>;

describe("the audit log", () => {
  const folder = `sec-audit-${randomBytes(4).toString("hex")}`;
  let logDir: string;
  let restore: () => void;
  beforeAll(async () => {
    logDir = await mkdtemp(join(tmpdir(), "ferry-audit-"));
    restore = setEnv({ AUDIT_LOG_LEVEL: "info", AUDIT_LOG_FILE: join(logDir, "audit.jsonl"), TRUST_PROXY: "1" });
    await mkdir(join(embeddedFtp().root, folder));
    await writeFile(join(embeddedFtp().root, folder, "a.txt"), "a");
  });
  afterAll(async () => {
    restore();
    await rm(join(embeddedFtp().root, folder), { recursive: true, force: true });
    await rm(logDir, { recursive: true, force: true });
  });

  it("writes JSON lines with the event, client IP and session for logins, changes and logout, never secrets", async () => {
    const { host, port } = embeddedFtp();
    const headers = { "x-forwarded-for": "192.0.2.77" };
    const call = (route: { POST: (r: Request) => Promise<Response> }, path: string, body: unknown, cookie: string) => route.POST(apiRequest("POST", path, { body, cookie, headers }));
    await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "not-this" }, headers }));
    const login = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host, port, user: "demo", password: "demo" }, headers }));
    const cookie = cookieFrom(login);
    expect((await call(renameRoute, "/api/fs/rename", { path: `/${folder}/a.txt`, newName: "b.txt" }, cookie)).status).toBe(200);
    expect((await call(chmodRoute, "/api/fs/chmod", { paths: [`/${folder}/b.txt`], mode: "640" }, cookie)).status).toBeLessThan(300);
    expect((await call(deleteRoute, "/api/fs/delete", { paths: [`/${folder}/b.txt`] }, cookie)).status).toBeLessThan(300);
    await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie, headers }));

    const text = await readFile(join(logDir, "audit.jsonl"), "utf8");
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as Line);
    const sessionId = (await unsealSessionId(cookie.split("=")[1]))!;
    const tag = sessionTag(sessionId);
    const find = (event: string, extra: Line = {}) => lines.find((l) => l.event === event && Object.entries(extra).every(([k, v]) => l[k] === v));

    expect(find("login.failure")).toMatchObject({ level: "warn", user: "demo", host, port, code: "ftp_auth_failed", clientIp: "192.0.2.77" });
    expect(find("ftp.connect")).toMatchObject({ host, port, address: "127.0.0.1", clientIp: "192.0.2.77" });
    expect(find("login.success")).toMatchObject({ user: "demo", host, port, tls: "none", clientIp: "192.0.2.77", session: tag });
    for (const route of ["/api/fs/rename", "/api/fs/chmod", "/api/fs/delete"]) {
      expect(find("api.request", { route })).toMatchObject({ method: "POST", status: expect.any(Number), session: tag, clientIp: "192.0.2.77" });
    }
    // Each change names what it changed.
    expect(find("rename")).toMatchObject({ path: `/${folder}/a.txt`, newName: "b.txt", session: tag, clientIp: "192.0.2.77" });
    expect(find("chmod")).toMatchObject({ path: `/${folder}/b.txt`, session: tag, clientIp: "192.0.2.77" });
    expect(find("delete")).toMatchObject({ path: `/${folder}/b.txt`, result: "done", session: tag, clientIp: "192.0.2.77" });
    expect(find("logout")).toMatchObject({ session: tag });
    for (const line of lines) expect(typeof line.time).toBe("string");
    // No password, no cookie, and the session only as a tag that cannot be turned back into its id.
    expect(text).not.toMatch(/password|not-this|Fe26\./i);
    expect(text).not.toContain(sessionId);
  });
});
