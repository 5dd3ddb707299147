// npm run test:e2e: builds Ferry once (its own FERRY_DIST_DIR), starts it with the embedded demo FTP server
// on free loopback ports, and runs every test/e2e/*.e2e.ts in headless Chromium (playwright-core).
// Arguments filter: `npm run test:e2e -- login` runs files or tests whose name contains "login".
// FERRY_E2E_SKIP_BUILD=1 reuses the last build (quicker while writing tests).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { freePort } from "../../scripts/free-port";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { startEmbeddedFtpServer } from "../../lib/demo/embedded-ftp-server";
import { seedDemoTree } from "../../lib/demo/seed-demo-tree";
import { loginThroughForm, registeredTests, saveScreenshot, setCurrentFile, slug, type E2EContext } from "./harness";

const chromiumPath = "/usr/bin/chromium";
// FERRY_E2E_DIST_DIR lets a developer reuse their own build with FERRY_E2E_SKIP_BUILD=1.
const distDir = process.env.FERRY_E2E_DIST_DIR || ".next-e2e";
const e2eDir = join(process.cwd(), "test", "e2e");

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`Ferry exited with code ${server.exitCode} before answering`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Ferry did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  if (!existsSync(chromiumPath)) {
    console.error(`e2e: Chromium is missing at ${chromiumPath}. Install it with:\n\n    apt-get install -y chromium\n`);
    return 1;
  }
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));

  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    FERRY_DIST_DIR: distDir,
    COOKIE_SECURE: "false",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    // Every test logs in from 127.0.0.1, some with a wrong password on purpose.
    LOGIN_FAILURES_PER_IP: "10000",
    LOGIN_FAILURES_PER_HOST: "10000",
    SESSIONS_PER_IP_PER_HOUR: "10000",
    AUDIT_LOG_LEVEL: "silent",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (process.env.FERRY_E2E_SKIP_BUILD === "1" && existsSync(join(distDir, "BUILD_ID"))) {
    console.log(`e2e: reusing the build in ${distDir}`);
  } else {
    console.log(`e2e: building Ferry into ${distDir} …`);
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: serverEnv });
    if (build.status !== 0) {
      console.error("e2e: next build failed");
      return 1;
    }
  }

  const root = await mkdtemp(join(tmpdir(), "ferry-e2e-"));
  await seedDemoTree(root);
  const ftp = await startEmbeddedFtpServer({ root, port: 0, users: { demo: "demo" } });
  const webPort = await freePort();
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...serverEnv, HOST: "127.0.0.1", PORT: String(webPort), FERRY_DEMO_HOST: ftp.host, FERRY_DEMO_PORT: String(ftp.port) },
  });
  let serverLog = "";
  server.stdout?.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
  // ftp-srv exits the process on SIGINT/SIGTERM; never leave Ferry running behind.
  process.on("exit", () => server.kill("SIGTERM"));

  let passed = 0;
  let failed = 0;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    await waitForServer(`${baseUrl}/login`, server, 60_000);
    console.log(`e2e: Ferry on ${baseUrl}, demo FTP on 127.0.0.1:${ftp.port}`);

    const files = (await readdir(e2eDir)).filter((f) => f.endsWith(".e2e.ts")).sort();
    for (const file of files) {
      setCurrentFile(basename(file, ".e2e.ts"));
      await import(pathToFileURL(join(e2eDir, file)).href);
    }
    const tests = registeredTests.filter((t) => filters.length === 0 || filters.some((f) => t.file.includes(f) || t.name.includes(f)));

    for (const t of tests) {
      const contexts: BrowserContext[] = [];
      const ctx: E2EContext = {
        baseUrl,
        ftp: { root, host: ftp.host, port: ftp.port },
        browser,
        newPage: async (options) => {
          const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: "en-US", ...options });
          contexts.push(context);
          return { context, page: await context.newPage() };
        },
        screenshot: saveScreenshot,
        login: (page, options) => loginThroughForm(baseUrl, page, options),
      };
      const started = Date.now();
      try {
        await withTimeout(t.fn(ctx), t.timeoutMs, `"${t.name}"`);
        passed++;
        console.log(`  ✓ ${t.file} › ${t.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed++;
        console.log(`  ✗ ${t.file} › ${t.name} (${Date.now() - started} ms)\n    ${err instanceof Error ? (err.stack ?? err.message).split("\n").slice(0, 6).join("\n    ") : String(err)}`);
        for (const [i, context] of contexts.entries()) {
          for (const [j, page] of context.pages().entries()) {
            await saveScreenshot(page, `failed-${slug(t.file)}-${slug(t.name)}-${i}-${j}`).catch(() => undefined);
          }
        }
      } finally {
        for (const context of contexts) await context.close().catch(() => undefined);
      }
    }
    if (tests.length === 0) {
      console.log("e2e: no test matched");
      failed++;
    }
  } catch (err) {
    failed++;
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}\n--- Ferry's output ---\n${serverLog.slice(-4000)}`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await ftp.close();
    await rm(root, { recursive: true, force: true });
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
