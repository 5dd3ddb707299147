// The tiny e2e test registry: each test/e2e/<area>.e2e.ts calls `test(name, fn)` at import time;
// test/e2e/run.ts builds Ferry once, starts the demo, imports every file and runs what they registered.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

export interface E2EContext {
  /** Ferry's address, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** The embedded demo FTP server: its folder on disk (seeded with the demo tree) and port. */
  ftp: { root: string; host: string; port: number };
  browser: Browser;
  /** A fresh browser context (own cookies and localStorage) and page; closed after the test. */
  newPage: (options?: BrowserContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot as test/e2e/artifacts/<name>.png and returns the file path. */
  screenshot: (page: Page, name: string) => Promise<string>;
  /** Logs into the demo server through the login form and waits for the listing. */
  login: (page: Page, options?: { user?: string; password?: string; next?: string }) => Promise<void>;
}

export interface RegisteredTest {
  name: string;
  file: string;
  fn: (ctx: E2EContext) => Promise<void>;
  timeoutMs: number;
}

export const registeredTests: RegisteredTest[] = [];
let currentFile = "";

/** Set by the runner while it imports a file, so tests know where they came from. */
export function setCurrentFile(file: string): void {
  currentFile = file;
}

/** Registers an end-to-end test. Throwing (e.g. a failed `assert`) fails it. Default timeout 60 s. */
export function test(name: string, fn: (ctx: E2EContext) => Promise<void>, options: { timeoutMs?: number } = {}): void {
  registeredTests.push({ name, file: currentFile, fn, timeoutMs: options.timeoutMs ?? 60_000 });
}

export const artifactsDir = join(process.cwd(), "test", "e2e", "artifacts");

/** A file-name-safe form of a test name. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9가-힣]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${slug(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The demo login through the form: the demo server is pre-selected and pre-filled (user demo / demo). */
export async function loginThroughForm(baseUrl: string, page: Page, options: { user?: string; password?: string; next?: string } = {}): Promise<void> {
  const url = options.next ? `${baseUrl}/login?next=${encodeURIComponent(options.next)}` : `${baseUrl}/login`;
  await page.goto(url);
  if (options.user !== undefined) await page.locator('input[name="user"]').fill(options.user);
  if (options.password !== undefined) await page.locator('input[name="password"]').fill(options.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.pathname.startsWith("/files"));
  await page.locator('[data-testid="file-table"] tbody tr, [data-testid="listing-empty"], [data-testid="listing-error"]').first().waitFor();
}
