// The foundation as a person uses it: log in through the form, browse, breadcrumbs, languages,
// phone width, dark mode, wrong password, saved sites, logout, an ended session.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { test } from "./harness";

// Other areas' e2e files share the demo server and may add entries: compare only the seeded ones.
const seededRoot = ["empty folder", "images", "projects", "문서", "name with spaces.txt", "README.txt", "한글 문서.txt"];
const onlySeeded = (names: Array<string | null>) => names.filter((n): n is string => n !== null && seededRoot.includes(n));
const rootCount = async (root: string) => (await readdir(root)).length;
const rowNames = (page: Page) => page.locator('[data-testid="file-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));
const row = (page: Page, name: string) => page.locator(`[data-testid="file-table"] tbody tr[data-name="${name}"]`);
const sortButton = (page: Page, column: string) => page.getByTestId("file-table").getByRole("button", { name: column, exact: true });
const pathname = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

test("log in through the form, open a folder, come back by breadcrumb", async ({ newPage, screenshot, baseUrl }) => {
  const { page } = await newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("heading", { name: "Connect to an FTP server" }).waitFor();
  await screenshot(page, "login-form");
  await page.getByRole("button", { name: "Connect" }).click();
  await page.waitForURL(`${baseUrl}/files`);
  await row(page, "한글 문서.txt").waitFor();
  const names = await rowNames(page);
  // Folders first, then files, by name.
  assert.deepEqual(onlySeeded(names), seededRoot);
  const types = await page.locator('[data-testid="file-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-type")));
  assert.equal(types.lastIndexOf("dir") < types.indexOf("file"), true, "folders come first");
  assert.ok(names.includes("name with spaces.txt"));
  assert.match((await page.getByTestId("connection").textContent()) ?? "", /^demo@127\.0\.0\.1$/);
  await screenshot(page, "browse-root");

  await row(page, "projects").getByTestId("entry-name").click();
  await page.waitForURL(`${baseUrl}/files/projects`);
  await row(page, "website").waitFor();
  await row(page, "notes").getByTestId("entry-name").click();
  await row(page, "2025").waitFor();
  assert.equal(await page.getByTestId("breadcrumbs").innerText(), "Root\n/\nprojects\n/\nnotes");
  await screenshot(page, "browse-nested");

  await page.getByTestId("breadcrumbs").getByRole("link", { name: "projects" }).click();
  await page.waitForURL(`${baseUrl}/files/projects`);
  await row(page, "notes").waitFor();
  await page.getByTestId("breadcrumbs").getByRole("link", { name: "Root" }).click();
  await page.waitForURL(`${baseUrl}/files`);
  await row(page, "한글 문서.txt").waitFor();

  // A Korean folder: the URL holds it encoded, reload and back/forward keep the place.
  await row(page, "문서").getByTestId("entry-name").click();
  await row(page, "보고서.txt").waitFor();
  assert.equal(new URL(page.url()).pathname, "/files/%EB%AC%B8%EC%84%9C");
  await page.reload();
  await row(page, "보고서.txt").waitFor();
  await page.goBack();
  await row(page, "README.txt").waitFor();
  await page.goForward();
  await row(page, "보고서.txt").waitFor();
  assert.equal(pathname(page), "/files/문서");
});

test("a bookmarked folder address opens that folder after login", async ({ newPage, baseUrl }) => {
  const { page } = await newPage();
  await page.goto(`${baseUrl}/files/projects/website`);
  await page.waitForURL((u) => u.pathname === "/login");
  assert.equal(new URL(page.url()).searchParams.get("next"), "/files/projects/website");
  await page.getByRole("button", { name: "Connect" }).click();
  await page.waitForURL(`${baseUrl}/files/projects/website`);
  await row(page, "index.html").waitFor();
});

test("table: sizes, dates, permissions, sort, filter, selection and keyboard", async ({ newPage, login, screenshot, ftp }) => {
  const { page } = await newPage();
  await login(page);
  const readme = row(page, "README.txt");
  await readme.waitFor();
  // Exact bytes on hover; a date in the browser's zone.
  assert.match((await readme.locator("td").nth(2).locator("span").getAttribute("title")) ?? "", /^\d[\d,]* bytes$/);
  assert.ok(await readme.locator("time").count());

  await sortButton(page, "Size").click();
  await sortButton(page, "Size").click();
  const bySizeDesc = await rowNames(page);
  // Folders first (equal sizes: by name), then files largest first.
  assert.deepEqual(onlySeeded(bySizeDesc), ["empty folder", "images", "projects", "문서", "README.txt", "한글 문서.txt", "name with spaces.txt"]);

  await page.getByTestId("filter").fill("TXT");
  assert.deepEqual(onlySeeded(await rowNames(page)).sort(), ["README.txt", "name with spaces.txt", "한글 문서.txt"].sort());
  assert.ok((await rowNames(page)).every((n) => n?.toLowerCase().includes("txt")));
  await page.getByTestId("filter").fill("zzz");
  await page.getByText("No names here match “zzz”.").waitFor();
  await page.getByTestId("filter").fill("");

  await sortButton(page, "Name").click(); // back to name, ascending
  await row(page, "name with spaces.txt").click();
  await row(page, "한글 문서.txt").click({ modifiers: ["Shift"] });
  assert.match((await page.getByTestId("status-bar").textContent()) ?? "", /3 selected/);
  await row(page, "README.txt").click({ modifiers: ["Control"] });
  assert.match((await page.getByTestId("status-bar").textContent()) ?? "", /2 selected/);
  await screenshot(page, "browse-selection");

  // Keyboard alone: cursor to "projects", Enter opens, Backspace goes back up, Alt+Up too.
  await row(page, "images").click();
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-name")), "projects");
  await page.keyboard.press("Enter");
  await row(page, "website").waitFor();
  await row(page, "website").click();
  await page.keyboard.press("Enter");
  await row(page, "style.css").waitFor();
  await row(page, "style.css").click();
  await page.keyboard.press("Alt+ArrowUp");
  await row(page, "notes").waitFor();
  await row(page, "notes").click();
  await page.keyboard.press("Backspace");
  await row(page, "README.txt").waitFor();
  // The cursor lands on the folder we came up from, so the keyboard goes on working.
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-name") === "projects");
  await page.keyboard.press("Control+a");
  const count = await rootCount(ftp.root);
  assert.equal(await page.getByTestId("status-bar").textContent(), `${count} items · ${count} selected`);
});

test("an empty folder says so", async ({ newPage, login }) => {
  const { page } = await newPage();
  await login(page, { next: "/files/empty%20folder" });
  await page.getByTestId("listing-empty").getByText("This folder is empty.").waitFor();
});

test("a folder that does not exist shows a plain error", async ({ newPage, login, screenshot }) => {
  const { page } = await newPage();
  await login(page);
  await page.goto(`${page.url()}/no-such-folder`);
  await page.getByTestId("listing-error").waitFor();
  assert.match((await page.getByTestId("listing-error").textContent()) ?? "", /This folder could not be opened/);
  await screenshot(page, "browse-error");
});

test("wrong password: its own message on the form, nothing stored", async ({ newPage, baseUrl, screenshot }) => {
  const { page, context } = await newPage();
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.getByRole("button", { name: "Connect" }).click();
  const error = page.getByTestId("login-error");
  await error.waitFor();
  assert.match((await error.textContent()) ?? "", /The server refused the user name or password\./);
  assert.equal(new URL(page.url()).pathname, "/login");
  assert.deepEqual(await context.cookies(), []);
  await screenshot(page, "login-wrong-password");
});

test("Korean: the browser's language is followed, and the switch changes it", async ({ newPage, baseUrl, screenshot, ftp }) => {
  const { page } = await newPage({ locale: "ko-KR" });
  await page.goto(`${baseUrl}/login`);
  await page.getByRole("heading", { name: "FTP 서버에 연결" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "ko");
  await screenshot(page, "login-ko");
  await page.getByRole("button", { name: "연결" }).click();
  await row(page, "한글 문서.txt").waitFor();
  await page.getByRole("button", { name: "로그아웃" }).waitFor();
  assert.equal(await page.getByTestId("status-bar").textContent(), `${await rootCount(ftp.root)}개 항목`);
  await screenshot(page, "browse-ko");
  await page.getByTestId("language-switch").selectOption("en");
  await page.getByRole("button", { name: "Log out" }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Log out" }).waitFor();
});

test("phone width (375 px) in dark mode", async ({ newPage, baseUrl, login, screenshot }) => {
  const { page } = await newPage({ viewport: { width: 375, height: 740 }, colorScheme: "dark", hasTouch: true, isMobile: true });
  await page.goto(`${baseUrl}/login`);
  await screenshot(page, "login-phone-dark");
  await login(page);
  await row(page, "README.txt").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.equal(await page.getByRole("columnheader", { name: "Size" }).isVisible(), false, "the size column folds under the name");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(248, 250, 252)", "dark mode follows the system");
  await screenshot(page, "browse-phone-dark");
  await row(page, "projects").getByTestId("entry-name").tap();
  await row(page, "website").waitFor();
});

test("saved sites remember the connection but never the password, and can be forgotten", async ({ newPage, baseUrl, ftp }) => {
  const { page } = await newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Remember this site").check();
  await page.getByRole("button", { name: "Connect" }).click();
  await page.waitForURL(`${baseUrl}/files`);
  const stored = await page.evaluate(() => localStorage.getItem("ferry-sites"));
  const sites = JSON.parse(stored ?? "[]") as Array<Record<string, unknown>>;
  assert.deepEqual(sites, [{ host: "127.0.0.1", port: ftp.port, user: "demo", tls: "none", transferMode: "passive", encoding: "auto" }]);
  assert.ok(!/password/i.test(stored ?? ""));

  await page.getByTestId("logout").click();
  await page.waitForURL(`${baseUrl}/login`);
  const list = page.getByTestId("saved-sites");
  await list.getByText(`demo@127.0.0.1:${ftp.port}`).waitFor();
  await page.getByRole("button", { name: `Forget demo@127.0.0.1:${ftp.port}` }).click();
  assert.equal(await list.count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem("ferry-sites")), "[]");
});

test("logout ends the session: the files page asks to log in again", async ({ newPage, login, baseUrl }) => {
  const { page } = await newPage();
  await login(page);
  await page.getByTestId("logout").click();
  await page.waitForURL(`${baseUrl}/login`);
  const res = await page.request.get(`${baseUrl}/api/session`);
  assert.equal(res.status(), 401);
  await page.goto(`${baseUrl}/files/projects`);
  await page.waitForURL((u) => u.pathname === "/login");
  assert.equal(new URL(page.url()).searchParams.get("next"), "/files/projects");
});

test("an ended session returns to the login form with a message, then to the same folder", async ({ newPage, login, baseUrl, screenshot }) => {
  const { page, context } = await newPage();
  await login(page, { next: "/files/projects" });
  await row(page, "website").waitFor();
  // End the session on the server while the browser keeps its cookie, as an idle timeout does.
  const cookies = await context.cookies();
  const status = await page.evaluate(async () => (await fetch("/api/session", { method: "DELETE", headers: { "X-Ferry-Request": "1" } })).status);
  assert.equal(status, 204);
  await context.addCookies(cookies);

  await row(page, "website").getByTestId("entry-name").click();
  await page.waitForURL((u) => u.pathname === "/login");
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("reason"), "session_expired");
  assert.equal(url.searchParams.get("next"), "/files/projects/website");
  await page.getByTestId("login-reason").getByText("Your session has ended. Log in again to continue where you were.").waitFor();
  await screenshot(page, "login-session-expired");
  await page.getByRole("button", { name: "Connect" }).click();
  await page.waitForURL(`${baseUrl}/files/projects/website`);
  await row(page, "index.html").waitFor();
});

test("names with %, # and ? survive the address bar", async ({ newPage, login, ftp, baseUrl }) => {
  const { mkdir, rm, writeFile } = await import("node:fs/promises");
  await mkdir(`${ftp.root}/100% #done?`, { recursive: true });
  await writeFile(`${ftp.root}/100% #done?/inside.txt`, "x");
  const { page } = await newPage();
  await login(page);
  await row(page, "100% #done?").getByTestId("entry-name").click();
  await row(page, "inside.txt").waitFor();
  assert.equal(new URL(page.url()).pathname, "/files/100%25%20%23done%3F");
  assert.match(await page.getByTestId("breadcrumbs").innerText(), /100% #done\?$/);
  await page.goto(`${baseUrl}/files/100%25%20%23done%3F`);
  await row(page, "inside.txt").waitFor();
  await rm(`${ftp.root}/100% #done?`, { recursive: true });
});

test("an untrusted FTPS certificate: shown, trusted, sent again with its fingerprint; a changed one warns", async ({ newPage, baseUrl, screenshot }) => {
  // The demo server speaks plain FTP, so the first answer is scripted; the retry goes to the real server.
  const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, "0")).join(":");
  const details = { fingerprint256: fingerprint, subject: "CN=ftp.example.test", issuer: "CN=ftp.example.test", validFrom: "2026-01-01T00:00:00Z", validTo: "2027-01-01T00:00:00Z", reason: "DEPTH_ZERO_SELF_SIGNED_CERT" };
  const { page } = await newPage();
  const sent: Array<Record<string, unknown>> = [];
  let answer: "untrusted" | "changed" | "real" = "untrusted";
  await page.route("**/api/session", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    sent.push(route.request().postDataJSON() as Record<string, unknown>);
    if (answer === "real") return route.continue();
    const extra = answer === "changed" ? { expectedFingerprint256: "AA:".repeat(31) + "AA" } : {};
    return route.fulfill({ status: 502, contentType: "application/json", body: JSON.stringify({ error: { code: "tls_untrusted", message: "untrusted", details: { ...details, ...extra } } }) });
  });
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Remember this site").check();
  await page.getByRole("button", { name: "Connect" }).click();
  const dialog = page.getByRole("dialog", { name: "Do you trust this server's certificate?" });
  await dialog.waitFor();
  for (const text of [fingerprint, "CN=ftp.example.test", "DEPTH_ZERO_SELF_SIGNED_CERT"]) assert.ok((await dialog.textContent())?.includes(text), text);
  await screenshot(page, "login-certificate");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  answer = "changed";
  await page.getByRole("button", { name: "Connect" }).click();
  await dialog.getByText("this server's certificate has changed").waitFor();
  await screenshot(page, "login-certificate-changed");

  answer = "real";
  await dialog.getByRole("button", { name: "Trust the new certificate and connect" }).click();
  await page.waitForURL(`${baseUrl}/files`);
  assert.equal(sent.at(-1)?.trustedFingerprint, fingerprint);
  assert.equal(sent[0]?.trustedFingerprint, undefined);
  const sites = JSON.parse((await page.evaluate(() => localStorage.getItem("ferry-sites"))) ?? "[]") as Array<{ trustedFingerprint?: string }>;
  assert.equal(sites[0]?.trustedFingerprint, fingerprint);
});

test("each connection failure has its own plain message", async ({ newPage, baseUrl }) => {
  const { page } = await newPage();
  let code = "";
  await page.route("**/api/session", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 502, contentType: "application/json", body: JSON.stringify({ error: { code, message: "server text", details: code === "rate_limited" ? { retryAfterSeconds: 42 } : undefined } }) })
      : route.continue(),
  );
  await page.goto(`${baseUrl}/login`);
  const seen = new Set<string>();
  for (const [c, expected] of [
    ["host_not_found", "No server with that name was found"],
    ["connection_refused", "The server refused the connection"],
    ["timeout", "The server did not answer in time"],
    ["tls_required", "The server requires an encrypted connection"],
    ["target_denied", "Ferry is not allowed to connect to this server"],
    ["rate_limited", "Wait 42 seconds"],
  ] as const) {
    code = c;
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByTestId("login-error").getByText(expected).waitFor();
    seen.add((await page.getByTestId("login-error").textContent()) ?? "");
  }
  assert.equal(seen.size, 6);
});

test("anonymous toggle and the advanced choices reach the login request", async ({ newPage, baseUrl }) => {
  const { page } = await newPage();
  const sent: Array<Record<string, unknown>> = [];
  await page.route("**/api/session", (route) => {
    if (route.request().method() !== "POST") return route.continue();
    sent.push(route.request().postDataJSON() as Record<string, unknown>);
    return route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ error: { code: "ftp_auth_failed", message: "no" } }) });
  });
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Anonymous login").check();
  const user = page.locator('input[name="user"]');
  assert.equal(await user.inputValue(), "anonymous");
  assert.equal(await user.isDisabled(), true);
  await page.getByText("Advanced").click();
  const modes = await page.locator('select[name="transferMode"] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  assert.deepEqual(modes, ["passive", "active"], "active mode is offered while FTP_ACTIVE_ENABLED is on");
  await page.locator('select[name="transferMode"]').selectOption("active");
  await page.locator('select[name="encoding"]').selectOption("cp949");
  await page.locator('select[name="tls"]').selectOption("explicit");
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByTestId("login-error").waitFor();
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.user, "anonymous");
  assert.match(String(sent[0]?.password), /@/);
  assert.deepEqual([sent[0]?.transferMode, sent[0]?.encoding, sent[0]?.tls], ["active", "cp949", "explicit"]);
});

test("/ goes to the login form or the files; an unknown address is a plain 404 page", async ({ newPage, login, baseUrl, screenshot }) => {
  const { page } = await newPage();
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(`${baseUrl}/login`);
  await login(page);
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(`${baseUrl}/files`);
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const res = await page.goto(`${baseUrl}/no/such/page`);
  assert.equal(res?.status(), 404);
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  assert.deepEqual(errors.filter((e) => /Content Security Policy/i.test(e)), [], "nothing blocked by the CSP");
  await screenshot(page, "not-found");
});

test("a listing with names that are not UTF-8 shows the encoding banner in the user's language", async ({ newPage, login, screenshot }) => {
  // ftp-srv (the demo server) reads names through Node's fs, which already turns bad bytes into U+FFFD,
  // so it cannot send undecodable names: the server's answer gets the hint a legacy server would cause
  // (the detection itself is tested against real servers in test/interop).
  const { page } = await newPage({ locale: "ko-KR" });
  await page.route("**/api/fs/list?*", async (route) => {
    const real = await route.fetch();
    const body = (await real.json()) as Record<string, unknown>;
    await route.fulfill({ response: real, json: { ...body, encodingHint: "One name in this folder is not UTF-8." } });
  });
  await login(page);
  const banner = page.getByTestId("encoding-hint");
  await banner.waitFor();
  assert.match((await banner.textContent()) ?? "", /CP949 또는 EUC-KR/);
  await screenshot(page, "browse-encoding-hint-ko");
});
