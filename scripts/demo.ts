// npm run demo: builds Ferry and starts it with its embedded demo FTP server, both on 127.0.0.1.
// npm run dev:  the same with `next dev` (no build, hot reload).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedFtpServer } from "../lib/demo/embedded-ftp-server";
import { seedDemoTree } from "../lib/demo/seed-demo-tree";

const dev = process.argv.includes("--dev");
const webPort = Number(process.env.PORT || 3000);
const ftpPort = Number(process.env.FERRY_DEMO_FTP_PORT || 2121);

async function main() {
  const root = await mkdtemp(join(tmpdir(), "ferry-demo-"));
  await seedDemoTree(root);
  const ftp = await startEmbeddedFtpServer({ root, port: ftpPort, users: { demo: "demo" } });
  console.log(`Demo FTP server on ftp://127.0.0.1:${ftp.port} (user demo, password demo), serving ${root}`);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(webPort),
    FERRY_DEMO_HOST: ftp.host,
    FERRY_DEMO_PORT: String(ftp.port),
    // The demo is served over plain HTTP on loopback.
    COOKIE_SECURE: process.env.COOKIE_SECURE ?? "false",
  };
  if (!process.env.SESSION_SECRET) {
    childEnv.SESSION_SECRET = randomBytes(32).toString("hex");
    console.log("SESSION_SECRET is not set: using an ephemeral one (sessions end when the demo stops).");
  }

  if (!dev) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(process.execPath, ["scripts/server.mjs", ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  console.log(`Open http://localhost:${webPort} and press Connect.`);

  const stop = async () => {
    server.kill("SIGTERM");
    await ftp.close();
    await rm(root, { recursive: true, force: true });
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  server.once("exit", (code) => {
    void ftp.close().then(() => rm(root, { recursive: true, force: true })).then(() => process.exit(code ?? 0));
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
