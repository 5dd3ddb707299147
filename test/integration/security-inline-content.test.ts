import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { loadApiRoutes } from "../security/api-routes";
import { apiRequest, embeddedFtp, login } from "./helpers";

const getRoutes = (await loadApiRoutes(["GET"])).filter((r) => r.path.startsWith("/api/fs/"));
const folder = `sec-inline-${randomBytes(4).toString("hex")}`;
const files = {
  "page.html": "<html><script>document.title='owned'</script></html>",
  "image.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  "note.txt": "plain words",
};

describe("remote content served by any GET route", () => {
  let cookie: string;
  const served: string[] = [];
  beforeAll(async () => {
    const dir = join(embeddedFtp().root, folder);
    await mkdir(dir);
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    cookie = await login();
  });
  afterAll(async () => {
    await sessionRoute.DELETE(apiRequest("DELETE", "/api/session", { cookie }));
    await rm(join(embeddedFtp().root, folder), { recursive: true, force: true });
    // Guards against a vacuous pass: at least one route (the preview) served file bytes.
    expect(served.length).toBeGreaterThan(0);
  });

  describe.each(getRoutes.map((r) => [r.path, r] as const))("%s", (_path, route) => {
    it.each(Object.keys(files))("serves %s only as an attachment or sandboxed, with nosniff, even opened as a page", async (name) => {
      const res = await route.handler(apiRequest("GET", `${route.path}?path=/${folder}/${name}`, { cookie, headers: { "sec-fetch-dest": "document" } }));
      const type = res.headers.get("content-type") ?? "";
      await res.arrayBuffer();
      if (/^application\/(json|x-ndjson)/.test(type)) return;
      served.push(`${route.path} ${name}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const attachment = (res.headers.get("content-disposition") ?? "").startsWith("attachment");
      if (!attachment) {
        expect(res.headers.get("content-security-policy")).toMatch(/(^|;)\s*sandbox/);
        // Opened as a page, markup and SVG never render as such.
        expect(type).not.toMatch(/text\/html|image\/svg\+xml/);
      }
    });
  });
});
