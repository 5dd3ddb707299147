import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chmodRoute from "@/app/api/fs/chmod/route";
import { startScriptedFtpServer } from "../fixtures/scripted-ftp-server";
import { errorOf, login } from "./helpers";
import { ownFolder, post } from "./fs-helpers";

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;
const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("ops-chmod");
});
afterAll(() => dir.cleanup());

describe("POST /api/fs/chmod", () => {
  it("changes the mode of files with SITE CHMOD", async () => {
    await writeFile(join(dir.local, "a.sh"), "#!/bin/sh\n");
    await writeFile(join(dir.local, "b c.txt"), "b");
    const res = await post(chmodRoute.POST, "/api/fs/chmod", { paths: [`${dir.remote}/a.sh`, `${dir.remote}/b c.txt`], mode: "0751" }, cookie);
    expect(res.status).toBe(200);
    expect((await res.json()).done).toHaveLength(2);
    expect(await modeOf(join(dir.local, "a.sh"))).toBe("751");
    expect(await modeOf(join(dir.local, "b c.txt"))).toBe("751");
  });

  it("applies separate file and folder modes recursively", async () => {
    await mkdir(join(dir.local, "site/sub"), { recursive: true });
    await writeFile(join(dir.local, "site/index.html"), "x");
    await writeFile(join(dir.local, "site/sub/page.html"), "y");
    const res = await post(chmodRoute.POST, "/api/fs/chmod", { paths: [`${dir.remote}/site`], recursive: true, fileMode: "640", dirMode: "750" }, cookie);
    const body = await res.json();
    expect(body.failed).toEqual([]);
    expect(body.done.map((d: { path: string }) => d.path).sort()).toEqual([`${dir.remote}/site`, `${dir.remote}/site/index.html`, `${dir.remote}/site/sub`, `${dir.remote}/site/sub/page.html`]);
    expect(await modeOf(join(dir.local, "site"))).toBe("750");
    expect(await modeOf(join(dir.local, "site/sub"))).toBe("750");
    expect(await modeOf(join(dir.local, "site/index.html"))).toBe("640");
    expect(await modeOf(join(dir.local, "site/sub/page.html"))).toBe("640");
  });

  it.each([{ mode: "999" }, { mode: "rwxr-xr-x" }, {}, { recursive: true }])("answers 400 for %j", async (fields) => {
    const res = await post(chmodRoute.POST, "/api/fs/chmod", { paths: [`${dir.remote}/a.sh`], ...fields }, cookie);
    expect(res.status).toBe(400);
  });

  it.each([
    ["500 (vsftpd with chmod off)", "500 Unknown SITE command."],
    ["502", "502 Command not implemented."],
    ["504", "504 Command not implemented for that parameter."],
  ])("says the server does not support it when SITE CHMOD gets %s", async (_what, reply) => {
    const fake = await startScriptedFtpServer({ "SITE CHMOD": reply });
    try {
      const fakeCookie = await login({ port: fake.port });
      const res = await post(chmodRoute.POST, "/api/fs/chmod", { paths: ["/a.txt", "/b.txt"], mode: "644" }, fakeCookie);
      expect(res.status).toBe(501);
      expect(await errorOf(res)).toEqual({ code: "not_supported", message: "This server does not support changing permissions." });
      // The first refusal ends the request: the second file is not tried.
      expect(fake.commands.filter((c) => c.startsWith("SITE"))).toEqual(["SITE CHMOD 644 /a.txt"]);
    } finally {
      await fake.close();
    }
  });

  it("reports a missing file as a failed item, not as unsupported", async () => {
    const res = await post(chmodRoute.POST, "/api/fs/chmod", { paths: [`${dir.remote}/ghost`], mode: "644" }, cookie);
    expect(res.status).toBe(200);
    expect((await res.json()).failed[0]).toMatchObject({ path: `${dir.remote}/ghost`, error: { code: "not_found" } });
  });
});
