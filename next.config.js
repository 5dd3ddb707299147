/** @type {import('next').NextConfig} */
const nextConfig = {
  // Downloads must reach the browser byte for byte; compression would also hide Content-Length.
  compress: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // Lets the e2e suite and the benchmark build beside a developer's own `.next`.
  distDir: process.env.FERRY_DIST_DIR || ".next",
  // basic-ftp, busboy and ftp-srv are Node libraries: load them at runtime, do not bundle.
  serverExternalPackages: ["basic-ftp", "busboy", "ftp-srv"],
};

module.exports = nextConfig;
