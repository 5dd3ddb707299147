import { describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import { apiRequest, errorOf, login } from "./helpers";

const list = (path: string, cookie: string) => listRoute.GET(apiRequest("GET", `/api/fs/list?path=${encodeURIComponent(path)}`, { cookie }));

describe("GET /api/fs/list", () => {
  it("lists the root with folders, Korean and spaced names", async () => {
    const cookie = await login();
    const res = await list("/", cookie);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.path).toBe("/");
    const byName = Object.fromEntries(body.entries.map((e: { name: string }) => [e.name, e]));
    expect(byName["한글 문서.txt"]).toMatchObject({ type: "file", size: Buffer.byteLength("안녕하세요. 이 파일은 한글 이름을 가진 예제 문서입니다.\n") });
    expect(byName["name with spaces.txt"]).toMatchObject({ type: "file", size: 30 });
    expect(byName["projects"]).toMatchObject({ type: "dir", size: null });
    expect(byName["empty folder"]).toMatchObject({ type: "dir" });
    expect(byName["README.txt"].modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(byName["README.txt"].permissions).toMatch(/^0[0-7]{3}$/);
  });

  it("lists a nested folder with a Korean name", async () => {
    const cookie = await login();
    const res = await list("/문서", cookie);
    expect(res.status).toBe(200);
    expect((await res.json()).entries.map((e: { name: string }) => e.name)).toEqual(["보고서.txt"]);
  });

  it("normalises the path it was given", async () => {
    const cookie = await login();
    const body = await (await list("/projects/./notes/../website/", cookie)).json();
    expect(body.path).toBe("/projects/website");
    expect(body.entries.map((e: { name: string }) => e.name).sort()).toEqual(["index.html", "style.css"]);
  });

  it("answers 404 for a missing folder", async () => {
    const cookie = await login();
    const res = await list("/does-not-exist", cookie);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it.each([
    ["CR", "/a\rb"],
    ["LF", "/a\nDELE x"],
    ["NUL", "/a\0"],
    ["a relative path", "projects"],
  ])("rejects %s in the path with 400 before talking to the server", async (_what, path) => {
    const cookie = await login();
    const res = await list(path, cookie);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_path");
  });

  it("serves three concurrent listings in one session", async () => {
    const cookie = await login();
    const results = await Promise.all(["/", "/projects", "/images"].map((p) => list(p, cookie)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(bodies[2].entries.map((e: { name: string }) => e.name)).toEqual(["gradient.png"]);
  });
});
