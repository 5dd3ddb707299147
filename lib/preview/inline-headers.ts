import "server-only";
import { previewTypeOf } from "./preview-types";

/** `Content-Disposition: inline` with an ASCII fallback name and the exact name in UTF-8 (RFC 6266 / 8187). */
export function inlineDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/**
 * Headers for remote content shown on Ferry's origin: a sandbox CSP (no scripts,
 * an opaque origin, even when opened as a page), nosniff so the browser keeps
 * Ferry's Content-Type, no caching or compression, and readable only by Ferry's own pages.
 */
export function inlineHeaders(contentType: string, name: string): Record<string, string> {
  return {
    "content-type": contentType,
    "content-security-policy": "sandbox",
    "x-content-type-options": "nosniff",
    "content-disposition": inlineDisposition(name),
    "cache-control": "private, no-store, no-transform",
    "cross-origin-resource-policy": "same-origin",
    "referrer-policy": "no-referrer",
    "accept-ranges": "bytes",
  };
}

/**
 * The Content-Type for previewing `name`, or null when Ferry does not preview it.
 * SVG is an image only for an `<img>` load (`Sec-Fetch-Dest: image`), where scripts never
 * run; opened any other way (a tab, a frame, curl) it is text, so it never renders as a page.
 */
export function previewContentType(name: string, secFetchDest: string | null): string | null {
  const type = previewTypeOf(name);
  if (!type) return null;
  if (/\.svg$/i.test(name) && secFetchDest === "image") return "image/svg+xml";
  return type.contentType;
}
