// The editor's client calls (components/viewer/text-file-api.ts) against the real route handlers
// and the embedded FTP server: fetch is routed to the handlers, as the browser's fetch reaches them.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as previewRoute from "@/app/api/fs/preview/route";
import * as readRoute from "@/app/api/fs/read/route";
import * as saveRoute from "@/app/api/fs/save/route";
import { headBytes, loadText, saveText, type OpenedText } from "@/components/viewer/text-file-api";
import { ApiError } from "@/lib/client/api";
import { resetEnvForTests } from "@/lib/env";
import { ORIGIN, login } from "../integration/helpers";
import { ownFolder } from "../integration/fs-helpers";

const handlers: Record<string, (req: Request) => Promise<Response>> = {
  "/api/fs/read": readRoute.GET,
  "/api/fs/save": saveRoute.POST,
  "/api/fs/preview": previewRoute.GET,
};

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
const realFetch = globalThis.fetch;
const signal = new AbortController().signal;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("viewer-client");
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), ORIGIN);
    const handler = handlers[url.pathname];
    if (!handler) throw new Error(`no handler for ${url.pathname}`);
    const headers = new Headers(init?.headers);
    headers.set("cookie", cookie);
    headers.set("origin", ORIGIN);
    return handler(new Request(url, { method: init?.method, headers, body: init?.body, signal: init?.signal ?? undefined }));
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await dir.cleanup();
});

const local = (name: string) => join(dir.local, name);
const remote = (name: string) => `${dir.remote}/${name}`;

async function openOrThrow(name: string, createIfMissing = false): Promise<OpenedText> {
  const load = await loadText(remote(name), { signal, createIfMissing });
  if (load.status !== "ready") throw new Error(`not ready: ${JSON.stringify(load)}`);
  return load.text;
}

describe("the editor's load and save", () => {
  it("keeps a BOM and CRLF through load and save of LF text (as CodeMirror gives it)", async () => {
    await writeFile(local("win.txt"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a\r\nb\r\n")]));
    const text = await openOrThrow("win.txt");
    expect(text).toMatchObject({ content: "a\r\nb\r\n", bom: true, lineEnding: "crlf" });
    const saved = await saveText(text, "a\nb\nc 셋\n", false);
    expect(saved.version).not.toBe(text.version);
    expect(await readFile(local("win.txt"))).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a\r\nb\r\nc 셋\r\n")]));
  });

  it("saves a mixed-ending file as sent", async () => {
    await writeFile(local("mixed.txt"), "a\r\nb\nc");
    const text = await openOrThrow("mixed.txt");
    expect(text.lineEnding).toBe("mixed");
    await saveText(text, "x\ny\r\nz", false);
    expect(await readFile(local("mixed.txt"), "utf8")).toBe("x\ny\r\nz");
  });

  it("answers a change on the server with ApiError conflict, and saves on force", async () => {
    await writeFile(local("shared.txt"), "original\n");
    const text = await openOrThrow("shared.txt");
    await writeFile(local("shared.txt"), "someone else's longer edit\n");
    const error = await saveText(text, "mine\n", false).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "conflict", details: { current: { size: 27 } } });
    expect(await readFile(local("shared.txt"), "utf8")).toBe("someone else's longer edit\n");
    await saveText(text, "mine\n", true);
    expect(await readFile(local("shared.txt"), "utf8")).toBe("mine\n");
  });

  it("opens a missing file as new only when asked, and the first save creates it", async () => {
    expect(await loadText(remote("new.md"), { signal, createIfMissing: false })).toMatchObject({ status: "failed", reason: "not_found" });
    const text = await openOrThrow("new.md", true);
    expect(text).toMatchObject({ content: "", version: null });
    await saveText(text, "# New\n", false);
    expect(await readFile(local("new.md"), "utf8")).toBe("# New\n");
  });

  it.each([
    ["binary", Buffer.from([0x89, 0x50, 0x00, 0x01])],
    ["encoding", Buffer.from("caf\xe9", "latin1")],
  ] as const)("refuses a %s file with its reason", async (reason, bytes) => {
    await writeFile(local(`odd-${reason}.txt`), bytes);
    expect(await loadText(remote(`odd-${reason}.txt`), { signal, createIfMissing: false })).toMatchObject({ status: "failed", reason });
  });

  it("shows the first bytes of a text too large for the editor, read-only, by one range request", async () => {
    process.env.EDITOR_MAX_BYTES = "2048";
    resetEnvForTests();
    try {
      const line = "0123456789abcdef\n";
      await writeFile(local("big.log"), line.repeat(20_000)); // 340,000 bytes
      const load = await loadText(remote("big.log"), { signal, createIfMissing: false });
      expect(load).toMatchObject({ status: "ready", partial: { shown: headBytes, size: 340_000 } });
      if (load.status === "ready") expect(load.text.content).toBe(line.repeat(20_000).slice(0, headBytes));
    } finally {
      delete process.env.EDITOR_MAX_BYTES;
      resetEnvForTests();
    }
  });
});
