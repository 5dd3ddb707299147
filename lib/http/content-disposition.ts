import "server-only";

/**
 * RFC 5987 `value-chars`: everything but attr-char is percent-encoded.
 * encodeURIComponent leaves `!'()*` alone; of those only `!` is an attr-char.
 */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * An ASCII stand-in for old clients that ignore `filename*`: non-ASCII, control
 * characters, quotes, backslashes and `%` (some browsers decode it) become `_`.
 */
function asciiFallback(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_").trim();
  return ascii === "" || /^[_ ]*$/.test(ascii.replace(/\.[^.]*$/, "")) ? `download${/\.[A-Za-z0-9]{1,8}$/.exec(ascii)?.[0] ?? ""}` : ascii;
}

/**
 * `Content-Disposition: attachment` for a file name (RFC 6266): an ASCII
 * `filename` fallback plus `filename*=UTF-8''…`, which browsers prefer, so a
 * Korean name saves as itself in Chromium, Firefox and Safari.
 */
export function attachmentDisposition(name: string): string {
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
