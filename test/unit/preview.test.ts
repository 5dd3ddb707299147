import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/lib/preview/byte-range";
import { inlineDisposition, previewContentType } from "@/lib/preview/inline-headers";
import { previewTypeOf } from "@/lib/preview/preview-types";

describe("parseByteRange (file of 1000 bytes)", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["Bytes=5-6", { start: 5, end: 6 }],
    ["bytes = 5-6", null],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=5-4", null],
    ["bytes=0-1,5-6", null],
    ["bytes=-", null],
    ["items=0-1", null],
    ["bytes=abc", null],
  ] as const)("%j → %j", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });
});

describe("previewTypeOf / previewContentType", () => {
  it.each([
    ["photo.JPG", null, "image/jpeg"],
    ["movie.mp4", null, "video/mp4"],
    ["song.flac", null, "audio/flac"],
    ["paper.pdf", null, "application/pdf"],
    ["index.html", "document", "text/plain; charset=utf-8"],
    ["index.htm", "image", "text/plain; charset=utf-8"],
    ["feed.xml", null, "text/plain; charset=utf-8"],
    ["logo.svg", "document", "text/plain; charset=utf-8"],
    ["logo.svg", "iframe", "text/plain; charset=utf-8"],
    ["logo.svg", null, "text/plain; charset=utf-8"],
    ["logo.SVG", "image", "image/svg+xml"],
    ["Makefile", null, "text/plain; charset=utf-8"],
    [".htaccess", null, "text/plain; charset=utf-8"],
    ["setup.exe", null, null],
    ["archive.zip", null, null],
    ["noextension", null, null],
  ])("%s (Sec-Fetch-Dest %s) → %s", (name, dest, expected) => {
    expect(previewContentType(name, dest)).toBe(expected);
  });

  it("reports the kind the viewer needs", () => {
    expect(previewTypeOf("a.webm")).toEqual({ kind: "video", contentType: "video/webm" });
    expect(previewTypeOf("a.svg")?.kind).toBe("text");
  });
});

describe("inlineDisposition", () => {
  it.each([
    ["plain.png", `inline; filename="plain.png"; filename*=UTF-8''plain.png`],
    ['quote"back\\slash.txt', `inline; filename="quote_back_slash.txt"; filename*=UTF-8''quote%22back%5Cslash.txt`],
    ["100% (final)'s.txt", `inline; filename="100_ (final)'s.txt"; filename*=UTF-8''100%25%20%28final%29%27s.txt`],
    ["한글.txt", `inline; filename="__.txt"; filename*=UTF-8''%ED%95%9C%EA%B8%80.txt`],
  ])("%s", (name, expected) => {
    expect(inlineDisposition(name)).toBe(expected);
  });
});
