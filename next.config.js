/** Static security headers (docs/security.md). */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=(), clipboard-write=(self), fullscreen=(self)",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Downloads must reach the browser byte for byte; compression would also hide Content-Length.
  compress: false,
  poweredByHeader: false,
  // Types are checked once by `npm run typecheck` (a CI step of its own); the builds made by
  // the demo, e2e, benchmark and multi-instance suites need not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Lets the e2e suite and the benchmark build beside a developer's own `.next`.
  distDir: process.env.FERRY_DIST_DIR || ".next",
  // basic-ftp, busboy and ftp-srv are Node libraries: load them at runtime, do not bundle.
  serverExternalPackages: ["basic-ftp", "busboy", "ftp-srv", "pino"],
  // Headers for every response, API included; pages also get a nonce CSP from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
