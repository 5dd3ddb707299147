import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { parsePortRange } from "@/lib/ftp/active-mode";
import { codecFor } from "@/lib/ftp/encoding/charsets";

describe("codecFor", () => {
  test.each([
    ["cp949", "한글 파일.txt"],
    ["euc-kr", "테스트"],
    ["shift_jis", "日本語のファイル"],
    ["gbk", "中文文件名"],
    ["windows-1251", "Привет мир"],
    ["latin1", "Café déjà vu"],
  ] as const)("%s converts names both ways", (encoding, name) => {
    const codec = codecFor(encoding);
    const bytes = codec.encode(name);
    expect(bytes.equals(iconv.encode(name, encoding))).toBe(true);
    expect(codec.decode(bytes)).toEqual({ text: name, ok: true });
    expect(codec.legacy).toBe(true);
  });

  test("auto is UTF-8 and reports bytes that are not UTF-8", () => {
    const codec = codecFor("auto");
    expect(codec.legacy).toBe(false);
    expect(codec.decode(Buffer.from("한글", "utf8"))).toEqual({ text: "한글", ok: true });
    const legacy = codec.decode(iconv.encode("한글", "cp949"));
    expect(legacy.ok).toBe(false);
    expect(legacy.text).toContain("\uFFFD");
  });

  test("a legacy charset reports bytes it cannot decode", () => {
    expect(codecFor("shift_jis").decode(Buffer.from([0x82])).ok).toBe(false);
  });
});

describe("parsePortRange", () => {
  test.each([
    ["", undefined],
    ["40000-40100", [40000, 40100]],
    [" 50000 - 50000 ", [50000, 50000]],
  ] as const)("%j", (text, range) => {
    expect(parsePortRange(text)).toEqual(range);
  });

  test.each(["80-90", "5000-4000", "40000-70000", "abc"])("%j is refused", (text) => {
    expect(() => parsePortRange(text)).toThrow(/FTP_ACTIVE_PORT_RANGE/);
  });
});
