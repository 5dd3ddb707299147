import { createRequire } from "node:module";
import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, pageContentSecurityPolicy, proxy } from "@/proxy";

const nextConfig = createRequire(import.meta.url)("../../../next.config.js") as NextConfig;

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+(.*)/) as [string, string]).map(([k, v = ""]) => [k, v]));
}

describe("page security headers (proxy.ts)", () => {
  it("gives every page a fresh nonce CSP, forwarded to Next's renderer", () => {
    const first = proxy(new NextRequest("http://ferry.test/"));
    const second = proxy(new NextRequest("http://ferry.test/"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]!;
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // Next reads the nonce from the request's CSP header (NextResponse.next passes it on as x-middleware-request-*).
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
  });

  it.each([
    [{ dev: false, https: true }],
    [{ dev: false, https: false }],
    [{ dev: true, https: false }],
  ])("allows no inline or injected script (%j)", (options) => {
    const d = directives(pageContentSecurityPolicy("abc", options));
    expect(d.get("script-src")).toMatch(/^'self' 'nonce-abc' 'strict-dynamic'/);
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
    expect(d.get("script-src")!.includes("'unsafe-eval'")).toBe(options.dev);
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("base-uri")).toBe("'none'");
    expect(d.has("upgrade-insecure-requests")).toBe(options.https);
  });

  it("never matches API routes (a matched route's body is cut at 10 MB), and matches pages", () => {
    const source = config.matcher[0]!.source;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    for (const path of ["/api/fs/upload", "/api/fs/upload/chunk", "/api/session", "/api", "/_next/static/chunks/a.js"]) expect(matches(path), path).toBe(false);
    for (const path of ["/", "/login", "/browse/home/alice"]) expect(matches(path), path).toBe(true);
  });
});

describe("headers on every response (next.config.js)", () => {
  it("sets nosniff, no-referrer and a restrictive Permissions-Policy for all paths", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!;
    const headers = Object.fromEntries(all.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(headers["permissions-policy"]).toContain(`${feature}=()`);
  });
});
