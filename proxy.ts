// Next's proxy (formerly middleware) runs for pages only: it gives every page
// render a fresh CSP nonce. It must never match /api: a matched route has its
// request body buffered and cut at 10 MB, which would break uploads.
import { NextResponse, type NextRequest } from "next/server";

/**
 * The Content-Security-Policy of Ferry's pages: scripts only with this
 * render's nonce (Next puts it on its own scripts), nothing framed by others,
 * no plugins, no base-tag tricks. In development React needs eval and the dev
 * server injects unlabelled styles. `https` adds upgrade-insecure-requests.
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // style="" attributes (React's style prop) cannot carry a nonce and cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: process.env.COOKIE_SECURE !== "false" });
  // Next reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-frame-options", "DENY");
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but /api (uploads!), build assets and the favicon.
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
