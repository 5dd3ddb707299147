import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import * as sessionRoute from "@/app/api/session/route";
import { startEmbeddedFtpServer, type EmbeddedFtpServer } from "@/lib/demo/embedded-ftp-server";
import { setEnv } from "../security/env";
import { apiRequest, closedPort, cookieFrom } from "./helpers";

const CANARY = "Canary-7f3a9c-Pässwörd";

describe("a canary password never appears in any output", () => {
  let server: EmbeddedFtpServer;
  let root: string;
  let restoreEnv: () => void;
  const output: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "ferry-canary-"));
    await writeFile(join(root, "note.txt"), "hi");
    server = await startEmbeddedFtpServer({ root, users: { canary: CANARY }, pasvRange: [52_400, 52_449] });
    restoreEnv = setEnv({ AUDIT_LOG_LEVEL: "debug" });
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        output.push(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
    };
    capture(process.stdout);
    capture(process.stderr);
    for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        output.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}\n${String(a.cause)}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
    }
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    restoreEnv();
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Everything a response shows: status line, every header, the body. */
  async function record(res: Response): Promise<Response> {
    const text = await res.clone().text();
    output.push(`${res.status} ${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${text}`);
    return res;
  }

  const loginBody = (overrides: Record<string, unknown>) => ({ host: "127.0.0.1", port: server.port, user: "canary", password: CANARY, ...overrides });
  const post = (body: unknown) => sessionRoute.POST(apiRequest("POST", "/api/session", { body }));

  it("through a successful login, use and logout, and every kind of failed login", async () => {
    const ok = await record(await post(loginBody({})));
    expect(ok.status).toBe(201);
    const cookie = cookieFrom(ok);
    expect((await record(await sessionRoute.GET(apiRequest("GET", "/api/session", { cookie })))).status).toBe(200);
    expect((await record(await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie })))).status).toBe(200);
    expect((await record(await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie })))).status).toBe(204);

    const failures: Array<[Record<string, unknown>, number]> = [
      [{ user: "nobody" }, 401],
      [{ password: `${CANARY}-wrong` }, 401],
      [{ port: await closedPort() }, 502],
      [{ tls: "explicit" }, 502],
      [{ host: "10.0.0.1", port: 21 }, 403],
      [{ user: "canary\r\nPASS x" }, 400],
      [{ password: `${CANARY}\r\n` }, 400],
      [{ host: "no-such-host.invalid" }, 502],
    ];
    for (const [overrides, status] of failures) {
      expect((await record(await post(loginBody(overrides)))).status).toBe(status);
    }

    const everything = output.join("\n");
    // The capture works: the audit log wrote its lines through it.
    expect(everything).toContain('"event":"login.success"');
    expect(everything).toContain('"event":"login.failure"');
    expect(everything).toContain('"event":"logout"');
    expect(everything).not.toContain(CANARY);
    expect(everything).not.toContain("Canary-7f3a9c");
    expect(everything).not.toContain(encodeURIComponent(CANARY));
  });
});
