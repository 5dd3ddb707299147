import { describe, expect, it } from "vitest";
import { decodeTextOrThrow, detectLineEnding, encodeText } from "@/lib/editor/text-format";

describe("detectLineEnding", () => {
  it.each([
    ["a\nb\n", "lf"],
    ["a\r\nb\r\n", "crlf"],
    ["a\r\nb\n", "mixed"],
    ["no break", "none"],
    ["", "none"],
    ["lone\rcr", "none"],
  ] as const)("%j → %s", (text, expected) => {
    expect(detectLineEnding(text)).toBe(expected);
  });
});

describe("encodeText", () => {
  it.each([
    ["a\nb\n", { bom: false, lineEnding: "crlf" as const }, "a\r\nb\r\n"],
    ["a\r\nb\n", { bom: false, lineEnding: "crlf" as const }, "a\r\nb\r\n"],
    ["a\r\nb\r\n", { bom: false, lineEnding: "lf" as const }, "a\nb\n"],
    ["a\r\nb\n", { bom: false }, "a\r\nb\n"],
    ["a\r\nb\n", { bom: false, lineEnding: "mixed" as const }, "a\r\nb\n"],
    ["a\nb", { bom: false, lineEnding: "none" as const }, "a\nb"],
  ])("%j with %j", (text, options, expected) => {
    expect(encodeText(text, options).toString("utf8")).toBe(expected);
  });

  it("prepends a BOM when asked and round-trips through decode", () => {
    const bytes = encodeText("한글\n", { bom: true, lineEnding: "lf" });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeTextOrThrow(bytes, "x")).toEqual({ content: "한글\n", bom: true, lineEnding: "lf" });
  });
});

describe("decodeTextOrThrow", () => {
  it.each([
    ["a NUL byte", Buffer.from("abc\0def"), "unsupported_media_type"],
    ["a truncated UTF-8 sequence", Buffer.from([0x61, 0xe2, 0x82]), "unprocessable"],
    ["UTF-16LE with BOM", Buffer.from([0xff, 0xfe, 0x61, 0x00]), "unsupported_media_type"],
    ["Latin-1", Buffer.from([0x63, 0x61, 0x66, 0xe9]), "unprocessable"],
  ])("refuses %s", (_what, bytes, code) => {
    expect(() => decodeTextOrThrow(bytes, "f")).toThrow(expect.objectContaining({ code }));
  });
});
