import "server-only";
import { AppError } from "@/lib/http/errors";
import type { TextFile } from "@/lib/schemas/file-operations";

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

export interface DecodedText {
  content: string;
  bom: boolean;
  lineEnding: TextFile["lineEnding"];
}

/** How a text's lines end: all CRLF, all LF, a mix, or no line break at all. */
export function detectLineEnding(text: string): TextFile["lineEnding"] {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  if (crlf === 0 && lf === 0) return "none";
  if (lf === 0) return "crlf";
  return crlf === 0 ? "lf" : "mixed";
}

/**
 * Decodes a file for the editor: UTF-8 with or without BOM. A NUL byte means
 * binary (415); bytes that are not valid UTF-8 mean another encoding (422).
 */
export function decodeTextOrThrow(bytes: Buffer, name: string): DecodedText {
  if (bytes.includes(0)) {
    throw new AppError("unsupported_media_type", `${name} looks like a binary file, which the editor cannot open. Download it instead.`);
  }
  const bom = bytes.subarray(0, 3).equals(utf8Bom);
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    throw new AppError("unprocessable", `${name} is not UTF-8 text, so the editor cannot open it without damaging it. Download it instead.`);
  }
  return { content, bom, lineEnding: detectLineEnding(content) };
}

/** Encodes editor text for saving: the line endings asked for ("lf"/"crlf"; anything else keeps them as sent) and the BOM if the file had one. */
export function encodeText(content: string, options: { bom: boolean; lineEnding?: TextFile["lineEnding"] }): Buffer {
  let text = content;
  if (options.lineEnding === "lf" || options.lineEnding === "crlf") {
    const lf = text.replace(/\r\n/g, "\n");
    text = options.lineEnding === "crlf" ? lf.replace(/\n/g, "\r\n") : lf;
  }
  const body = Buffer.from(text, "utf8");
  return options.bom ? Buffer.concat([utf8Bom, body]) : body;
}
