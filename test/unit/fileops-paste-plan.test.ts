import { describe, expect, it } from "vitest";
import { isSameOrInside, planMove, planPaste, resolveTypedPath } from "@/components/fileops/paste-plan";

describe("isSameOrInside", () => {
  it.each([
    ["/a", "/a", true],
    ["/a/b", "/a", true],
    ["/ab", "/a", false],
    ["/", "/a", false],
  ])("isSameOrInside(%j, %j) = %j", (dir, path, inside) => expect(isSameOrInside(dir, path)).toBe(inside));
});

describe("planPaste", () => {
  it("copies into the same folder with new names", () => {
    expect(planPaste({ mode: "copy", from: "/docs", paths: ["/docs/a.txt", "/docs/b"] }, "/docs")).toEqual({ op: "copy", paths: ["/docs/a.txt", "/docs/b"], targetDir: "/docs", conflict: "rename" });
  });

  it("copies elsewhere without overwriting", () => {
    expect(planPaste({ mode: "copy", from: "/docs", paths: ["/docs/a.txt"] }, "/other")).toEqual({ op: "copy", paths: ["/docs/a.txt"], targetDir: "/other", conflict: "fail" });
  });

  it("refuses to copy a folder into itself", () => {
    expect(planPaste({ mode: "copy", from: "/", paths: ["/docs"] }, "/docs/sub")).toEqual({ op: "none", reason: "fileops.move.intoItself" });
  });

  it("moves what was cut", () => {
    expect(planPaste({ mode: "cut", from: "/docs", paths: ["/docs/a.txt", "/docs/a.txt"] }, "/other")).toEqual({ op: "move", paths: ["/docs/a.txt"], targetDir: "/other" });
  });

  it("does nothing for a cut pasted where it came from, or an empty clipboard", () => {
    expect(planPaste({ mode: "cut", from: "/docs", paths: ["/docs/a.txt"] }, "/docs")).toEqual({ op: "none", reason: "fileops.move.sameFolder" });
    expect(planPaste(null, "/docs")).toEqual({ op: "none", reason: "fileops.paste.empty" });
  });
});

describe("planMove (drops and 'move to')", () => {
  it("leaves out items already in the target", () => {
    expect(planMove(["/a/x", "/b/y"], "/a")).toEqual({ op: "move", paths: ["/b/y"], targetDir: "/a" });
  });

  it("refuses a folder dropped onto itself or its own sub-folder", () => {
    expect(planMove(["/a/f"], "/a/f")).toEqual({ op: "none", reason: "fileops.move.intoItself" });
    expect(planMove(["/a/f"], "/a/f/g")).toEqual({ op: "none", reason: "fileops.move.intoItself" });
  });
});

describe("resolveTypedPath", () => {
  it.each([
    ["/x", "/srv/y", "/srv/y"],
    ["/x/y", "sub", "/x/y/sub"],
    ["/x/y", "../z", "/x/z"],
    ["/x", "../../..", "/"],
    ["/", " ./a//b/ ", "/a/b"],
    ["/x", "이름 있는 폴더", "/x/이름 있는 폴더"],
  ])("from %j, %j → %j", (current, typed, resolved) => expect(resolveTypedPath(current, typed)).toBe(resolved));

  it.each(["", "   ", "a\nb", "a\0"])("refuses %j", (typed) => expect(resolveTypedPath("/x", typed)).toBeNull());
});
