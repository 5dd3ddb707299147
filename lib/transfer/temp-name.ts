import "server-only";
import { joinRemote } from "@/lib/security/remote-path";

/** Longest file name (bytes) most servers' file systems take. */
const NAME_MAX = 255;

/** Cuts `text` to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = "";
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * The temporary name an upload writes to, beside its target:
 * `.<name>.ferry-<id>.part`, the name shortened when the whole would pass 255 bytes.
 * Hidden (leading dot) so listings of most servers and clients skip it.
 */
export function uploadTempPath(dir: string, name: string, id: string): string {
  const suffix = `.ferry-${id}.part`;
  return joinRemote(dir, `.${cutToBytes(name, NAME_MAX - 1 - suffix.length)}${suffix}`);
}

/** Matches the temp names above (for cleaning up stale ones). */
export const uploadTempPattern = /^\..*\.ferry-[0-9a-f]{8,32}\.part$/;
