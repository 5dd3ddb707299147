import "server-only";
import iconv from "iconv-lite";
import type { FilenameEncoding } from "@/lib/schemas/session";

/** Converts names between text and the bytes a server stores. */
export interface NameCodec {
  /** The encoding chosen for the connection. */
  encoding: FilenameEncoding;
  /** True for a legacy charset (not UTF-8): the server must not be asked for UTF-8. */
  legacy: boolean;
  encode(text: string): Buffer;
  /** Decodes bytes; `ok` is false when some bytes were not valid in this charset (shown as U+FFFD). */
  decode(bytes: Buffer): { text: string; ok: boolean };
}

const iconvNames: Record<Exclude<FilenameEncoding, "auto" | "utf8">, string> = {
  cp949: "cp949",
  "euc-kr": "euc-kr",
  shift_jis: "shift_jis",
  gbk: "gbk",
  "windows-1251": "windows-1251",
  latin1: "latin1",
};

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The codec of a connection's filename encoding ("auto" is UTF-8; the hint comes from `ok`). */
export function codecFor(encoding: FilenameEncoding): NameCodec {
  if (encoding === "auto" || encoding === "utf8") {
    return {
      encoding,
      legacy: false,
      encode: (text) => Buffer.from(text, "utf8"),
      decode: (bytes) => {
        try {
          return { text: strictUtf8.decode(bytes), ok: true };
        } catch {
          return { text: bytes.toString("utf8"), ok: false };
        }
      },
    };
  }
  const name = iconvNames[encoding];
  return {
    encoding,
    legacy: true,
    encode: (text) => iconv.encode(text, name),
    decode: (bytes) => {
      const text = iconv.decode(bytes, name);
      return { text, ok: !text.includes("\uFFFD") };
    },
  };
}
