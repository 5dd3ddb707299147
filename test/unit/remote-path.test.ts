import { describe, expect, it } from "vitest";
import { assertSafeName, joinRemote, parseRemotePath } from "@/lib/security/remote-path";

describe("parseRemotePath", () => {
  it.each([
    ["/", "/"],
    ["//a//b/", "/a/b"],
    ["/a/./b/../c", "/a/c"],
    ["/../../etc", "/etc"],
    ["/ leading and trailing /x", "/ leading and trailing /x"],
    ["/한글 문서", "/한글 문서"],
    ["/-dash", "/-dash"],
  ])("%j becomes %j", (raw, expected) => {
    expect(parseRemotePath(raw)).toBe(expected);
  });

  it.each([[""], [null], ["relative"], ["/a\rb"], ["/a\nb"], ["/a\0"]])("rejects %j", (raw) => {
    expect(() => parseRemotePath(raw)).toThrow(expect.objectContaining({ code: "invalid_path", status: 400 }));
  });
});

describe("assertSafeName and joinRemote", () => {
  it.each([[""], ["."], [".."], ["a/b"], ["a\r"], ["a\n"], ["a\0"]])("rejects the name %j", (name) => {
    expect(() => assertSafeName(name)).toThrow(expect.objectContaining({ code: "invalid_name" }));
  });

  it("joins to the root and to folders", () => {
    expect(joinRemote("/", "a b")).toBe("/a b");
    expect(joinRemote("/x", "#?%&+")).toBe("/x/#?%&+");
  });
});
