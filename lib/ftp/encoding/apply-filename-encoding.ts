import "server-only";
import { FTPError, type Client, type FileInfo, type FTPContext, type FTPResponse } from "basic-ftp";
import type { FilenameEncoding } from "@/lib/schemas/session";
import { parseListing } from "../parse-list";
import { codecFor, type NameCodec } from "./charsets";

interface EncodingState {
  codec: NameCodec;
  /** Names of the last listing that did not decode in the chosen charset. */
  undecodable: number;
}

const states = new WeakMap<Client, EncodingState>();

/** The part of FTPContext this module replaces (protected in basic-ftp's typings). */
interface ContextInternals {
  send(command: string): void;
  _passToHandler(response: Error | FTPResponse): void;
  log(message: string): void;
}

/**
 * Makes `client` speak file names in `encoding`. basic-ftp only knows Node's encodings, so the
 * control connection is switched to latin1, which maps every byte to one character and back:
 * outgoing commands are encoded here (every command, so every path), and replies and listings
 * arrive as raw bytes that are decoded with the chosen charset. Call before `connect`.
 */
export function applyFilenameEncoding(client: Client, encoding: FilenameEncoding): void {
  const codec = codecFor(encoding);
  const state: EncodingState = { codec, undecodable: 0 };
  states.set(client, state);
  const ftp = client.ftp as FTPContext & ContextInternals;
  ftp.encoding = "latin1";

  ftp.send = (command: string) => {
    // With a legacy charset the server must not switch to UTF-8 (ProFTPD would then transcode names).
    const wire = codec.legacy && /^OPTS UTF8 ON$/i.test(command) ? "OPTS UTF8 OFF" : command;
    const description = wire.startsWith("PASS") ? "PASS ###" : wire;
    if (/[\r\n\0]/.test(wire)) throw new Error(`Invalid command: Contains control characters. (${description})`);
    ftp.log(`> ${description}`);
    ftp.socket.write(Buffer.concat([codec.encode(wire), Buffer.from("\r\n")]));
  };

  const pass = ftp._passToHandler.bind(ftp);
  ftp._passToHandler = (response: Error | FTPResponse) => {
    if (response instanceof FTPError) response.message = decodeLatin1(codec, response.message);
    else if (!(response instanceof Error)) response = { code: response.code, message: decodeLatin1(codec, response.message) };
    pass(response);
  };

  client.parseList = (rawList: string): FileInfo[] => {
    let undecodable = 0;
    // Decode line by line, so one bad name does not turn its neighbours into U+FFFD.
    const text = rawList
      .split("\n")
      .map((line) => {
        const { text: decoded, ok } = codec.decode(Buffer.from(line, "latin1"));
        if (!ok) undecodable++;
        return decoded;
      })
      .join("\n");
    state.undecodable = undecodable;
    return parseListing(text);
  };
}

function decodeLatin1(codec: NameCodec, text: string): string {
  return codec.decode(Buffer.from(text, "latin1")).text;
}

/**
 * A sentence for the listing when names of the last listing on `client` did not decode,
 * or null. Read it right after `client.list()`, inside the same pool task.
 */
export function encodingHintOf(client: Client): string | null {
  const state = states.get(client);
  if (!state || state.undecodable === 0) return null;
  const count = state.undecodable === 1 ? "One name" : `${state.undecodable} names`;
  if (!state.codec.legacy) {
    return `${count} in this folder ${state.undecodable === 1 ? "is" : "are"} not UTF-8 and cannot be shown or used correctly. Log in again and choose the server's filename encoding (for example cp949 or euc-kr for Korean servers, shift_jis for Japanese, gbk for Chinese, windows-1251 for Cyrillic).`;
  }
  return `${count} in this folder did not decode as ${state.codec.encoding}. Log in again with another filename encoding.`;
}
