// File operations as a person does them: new folder, inline rename (and a refused one), new file,
// copy and move by cut/paste and by "Move to…", drag onto a folder, chmod, properties with folder
// size, streamed search, extract a zip, delete with confirmation; checked on the FTP server's disk.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { makeZip } from "../fixtures/make-zip";
import { test, type E2EContext } from "./harness";

const row = (page: Page, name: string) => page.locator(`[data-testid="file-table"] tbody tr[data-name="${name}"]`);
const rowNames = (page: Page) => page.locator('[data-testid="file-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));
const dialog = (page: Page) => page.locator("dialog[open]");
const toolbar = (page: Page, action: string) => page.locator(`[role="toolbar"] [data-action="${action}"]`);
const modeOf = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);

/** Opens a folder row by its name link and waits for its address, then one of its rows (or the empty state). */
async function openFolder(page: Page, name: string, expect?: string): Promise<void> {
  await row(page, name).getByTestId("entry-name").click();
  // The old listing may hold a row of the same name: wait for the new address first.
  await page.waitForURL((u) => decodeURIComponent(u.pathname).endsWith(`/${name}`));
  await (expect ? row(page, expect) : page.getByTestId("listing-empty")).waitFor();
}

/** Waits until the dialog has gone (a run that ended without failures closes its dialog). */
async function dialogClosed(page: Page): Promise<void> {
  await dialog(page).waitFor({ state: "detached" });
}

/** Runs a test, then removes its folder from the demo root whatever happened (other suites list the root). */
function removing(folder: string, fn: (ctx: E2EContext) => Promise<void>): (ctx: E2EContext) => Promise<void> {
  return async (ctx) => {
    try {
      await fn(ctx);
    } finally {
      await rm(join(ctx.ftp.root, folder), { recursive: true, force: true });
    }
  };
}

async function newFolder(page: Page, name: string): Promise<void> {
  await toolbar(page, "new-folder").click();
  const input = dialog(page).getByLabel("Name");
  await input.fill(name);
  await input.press("Enter");
  await dialogClosed(page);
  await row(page, name).waitFor();
}

test("new folder, inline rename (409 in words), new file, copy and cut/paste, move to, drag, delete", async ({ newPage, login, screenshot, ftp }) => {
  const { page } = await newPage();
  await login(page);
  const local = (...parts: string[]) => join(ftp.root, ...parts);

  await newFolder(page, "fo work");
  assert.ok((await stat(local("fo work"))).isDirectory());
  // The new folder is selected, so F2 renames it in place.
  assert.equal(await row(page, "fo work").getAttribute("aria-selected"), "true");
  await page.keyboard.press("F2");
  const renameInput = row(page, "fo work").getByRole("textbox");
  await renameInput.fill("images");
  await renameInput.press("Enter");
  await row(page, "fo work").getByRole("alert").waitFor();
  assert.equal(await row(page, "fo work").getByRole("alert").innerText(), "Something with that name already exists.");
  await screenshot(page, "fileops-rename-conflict");
  await renameInput.fill("작업 폴더");
  await renameInput.press("Enter");
  await row(page, "작업 폴더").getByTestId("entry-name").waitFor();
  assert.ok(existsSync(local("작업 폴더")) && !existsSync(local("fo work")));

  // Esc cancels a rename.
  await row(page, "작업 폴더").click();
  await page.keyboard.press("F2");
  await row(page, "작업 폴더").getByRole("textbox").fill("never");
  await page.keyboard.press("Escape");
  await row(page, "작업 폴더").getByTestId("entry-name").waitFor();
  assert.ok(!existsSync(local("never")));

  await openFolder(page, "작업 폴더");
  await toolbar(page, "new-file").click();
  await dialog(page).getByLabel("Name").fill("notes.txt");
  await dialog(page).getByRole("button", { name: "Create" }).click();
  // A new file opens in the editor (viewer-ui); close it to go on.
  await page.getByRole("dialog").filter({ hasText: "notes.txt" }).first().waitFor();
  await page.keyboard.press("Escape");
  await dialogClosed(page);
  await row(page, "notes.txt").waitFor();
  assert.equal((await stat(local("작업 폴더", "notes.txt"))).size, 0);
  await writeFile(local("작업 폴더", "notes.txt"), "x".repeat(1234));
  // Changed behind Ferry's back: Refresh lists the folder again.
  await writeFile(local("작업 폴더", "added elsewhere.txt"), "");
  await toolbar(page, "refresh").click();
  await row(page, "added elsewhere.txt").waitFor();
  await rm(local("작업 폴더", "added elsewhere.txt"));
  await toolbar(page, "refresh").click();
  await row(page, "added elsewhere.txt").waitFor({ state: "detached" });

  // Copy and paste into the same folder: "name (copy)".
  await row(page, "notes.txt").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await row(page, "notes (copy).txt").waitFor();
  assert.equal((await stat(local("작업 폴더", "notes (copy).txt"))).size, 1234);

  // Cut in one folder, paste in another: a move.
  await newFolder(page, "sub");
  await row(page, "notes (copy).txt").click();
  await page.keyboard.press("Control+x");
  // The cut entry is faded until it is pasted.
  await page.locator('tr[data-name="notes (copy).txt"][data-cut]').waitFor();
  assert.equal(await row(page, "notes.txt").getAttribute("data-cut"), null);
  await screenshot(page, "fileops-cut");
  await openFolder(page, "sub");
  await page.keyboard.press("Control+v");
  await row(page, "notes (copy).txt").waitFor();
  assert.ok(existsSync(local("작업 폴더", "sub", "notes (copy).txt")) && !existsSync(local("작업 폴더", "notes (copy).txt")));

  // "Move to…" with a relative path typed.
  await row(page, "notes (copy).txt").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Move to…" }).click();
  await dialog(page).getByLabel("To folder").fill("..");
  await screenshot(page, "fileops-move-to");
  await dialog(page).getByRole("button", { name: "Move" }).click();
  await dialogClosed(page);
  await page.getByTestId("listing-empty").waitFor();
  assert.ok(existsSync(local("작업 폴더", "notes (copy).txt")));

  // Drag a row onto a folder row.
  await page.getByTestId("breadcrumbs").getByRole("link", { name: "작업 폴더" }).click();
  await row(page, "notes (copy).txt").waitFor();
  await row(page, "notes (copy).txt").dragTo(row(page, "sub"));
  await row(page, "notes (copy).txt").waitFor({ state: "detached" });
  assert.ok(existsSync(local("작업 폴더", "sub", "notes (copy).txt")));

  // Delete with a confirmation naming what goes.
  await page.getByTestId("breadcrumbs").getByRole("link", { name: "Root" }).click();
  await row(page, "작업 폴더").click();
  await page.keyboard.press("Delete");
  const confirm = dialog(page);
  await confirm.getByText("This folder will be deleted from the server with everything in it:").waitFor();
  assert.match(await confirm.getByRole("list").innerText(), /작업 폴더\s+and its contents/);
  await screenshot(page, "fileops-delete-confirm");
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await dialogClosed(page);
  await row(page, "작업 폴더").waitFor({ state: "detached" });
  assert.ok(!existsSync(local("작업 폴더")));
}, { timeoutMs: 150_000 });

test("permissions: octal and checkboxes in sync, recursive with separate modes", removing("perm-test", async ({ newPage, login, screenshot, ftp }) => {
  const { page } = await newPage();
  await login(page);
  await newFolder(page, "perm-test");
  await writeFile(join(ftp.root, "perm-test", "run.sh"), "#!/bin/sh\n");
  await openFolder(page, "perm-test", "run.sh");

  await row(page, "run.sh").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Permissions…" }).click();
  const box = dialog(page);
  const octal = box.getByLabel("Octal");
  await octal.fill("600");
  assert.equal(await box.getByLabel("Owner: Read").isChecked(), true);
  assert.equal(await box.getByLabel("Group: Read").isChecked(), false);
  await box.getByLabel("Group: Read").check();
  await box.getByLabel("Owner: Execute").check();
  assert.equal(await octal.inputValue(), "740");
  await octal.fill("79");
  assert.equal(await box.getByRole("button", { name: "Apply" }).isDisabled(), true);
  await octal.fill("740");
  await screenshot(page, "fileops-chmod");
  await box.getByRole("button", { name: "Apply" }).click();
  await dialogClosed(page);
  assert.equal(await modeOf(join(ftp.root, "perm-test", "run.sh")), "740");

  // Recursive from the parent: the folder 750, files inside 640, folders inside 750.
  await page.getByTestId("breadcrumbs").getByRole("link", { name: "Root" }).click();
  await row(page, "perm-test").click({ button: "right" });
  await page.getByRole("menuitem", { name: "Permissions…" }).click();
  await box.getByLabel("Octal").first().fill("750");
  await box.getByLabel("Also change everything inside the folders").check();
  await box.getByRole("group", { name: "Mode for files inside" }).getByLabel("Octal").fill("640");
  await box.getByRole("group", { name: "Mode for folders inside" }).getByLabel("Octal").fill("750");
  await screenshot(page, "fileops-chmod-recursive");
  await box.getByRole("button", { name: "Apply" }).click();
  await dialogClosed(page);
  assert.equal(await modeOf(join(ftp.root, "perm-test")), "750");
  assert.equal(await modeOf(join(ftp.root, "perm-test", "run.sh")), "640");
}), { timeoutMs: 90_000 });

test("properties with folder size, search streamed with a link to the folder", async ({ newPage, login, screenshot, ftp }) => {
  const { page } = await newPage();
  await login(page);
  // projects/ holds index.html, style.css, plan.md and empty.log (demo tree).
  const expected = ["projects/website/index.html", "projects/website/style.css", "projects/notes/2025/plan.md", "projects/notes/2025/empty.log"];
  let bytes = 0;
  for (const file of expected) bytes += (await stat(join(ftp.root, file))).size;

  await row(page, "projects").click();
  await page.keyboard.press("Alt+Enter");
  const box = dialog(page);
  await box.getByText("Location").waitFor();
  assert.match(await box.innerText(), /Type\s+Folder/);
  await box.getByRole("button", { name: "Calculate size" }).click();
  await box.getByText(`(${bytes.toLocaleString("en-US")} bytes)`).waitFor();
  assert.match(await box.innerText(), /4 files in 3 folders/);
  await screenshot(page, "fileops-properties-folder-size");
  await page.keyboard.press("Escape");
  await dialogClosed(page);

  // The keyboard's menu key (Shift+F10) on the focused row opens the same menu.
  await row(page, "README.txt").click();
  await row(page, "README.txt").focus();
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitem", { name: "Properties" }).click();
  await box.getByText("Permissions").waitFor();
  assert.match(await box.innerText(), /Size\s+\d+ B \(\d+ bytes\)/);
  assert.match(await box.innerText(), /Permissions\s+644 \(rw-r--r--\)/);
  await page.keyboard.press("Escape");

  await toolbar(page, "search").click();
  await box.getByLabel("Name contains").fill("*.md");
  await box.getByRole("button", { name: "Search" }).click();
  await box.getByText(/^\d+ found/).waitFor();
  const hit = box.getByRole("list", { name: "Search results" }).getByRole("link", { name: /plan\.md/ });
  assert.equal(await hit.getAttribute("href"), "/files/projects/notes/2025");
  assert.match(await hit.innerText(), /plan\.md[\s\S]*in \/projects\/notes\/2025/);
  await screenshot(page, "fileops-search");
  await hit.click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === "/files/projects/notes/2025");
  await row(page, "plan.md").waitFor();
  await page.waitForFunction(() => document.querySelector('tr[data-name="plan.md"]')?.getAttribute("aria-selected") === "true");
});

test("extract a zip here: created and refused entries", removing("zip-test", async ({ newPage, login, screenshot, ftp }) => {
  const { page } = await newPage();
  await login(page);
  await newFolder(page, "zip-test");
  // Not part of the demo seed: this test puts its own archive on the server's disk.
  await writeFile(join(ftp.root, "zip-test", "bundle.zip"), makeZip([{ name: "docs/readme.txt", data: "hello\n" }, { name: "../escape.txt", data: "no" }, { name: "top.txt", data: "top" }]));
  await openFolder(page, "zip-test", "bundle.zip");
  await row(page, "bundle.zip").click({ button: "right" });
  assert.ok(await page.getByRole("menuitem", { name: "Extract here" }).isVisible());
  await page.keyboard.press("Escape");
  // The toolbar offers it too while the zip is the one chosen entry.
  await row(page, "bundle.zip").click();
  await toolbar(page, "extract").click();
  const box = dialog(page);
  await box.getByText("3 created, 1 refused.").waitFor();
  assert.match(await box.getByRole("list").innerText(), /\.\.\/escape\.txt|escape\.txt/);
  await screenshot(page, "fileops-extract");
  await box.getByRole("button", { name: "Close" }).click();
  await row(page, "docs").waitFor();
  assert.deepEqual((await readdir(join(ftp.root, "zip-test"))).sort(), ["bundle.zip", "docs", "top.txt"]);
  assert.ok(!existsSync(join(ftp.root, "escape.txt")));
  assert.deepEqual((await rowNames(page)).sort(), ["bundle.zip", "docs", "top.txt"]);
}), { timeoutMs: 90_000 });

test("paste where the name exists: the conflict is listed, then copied with a new name", removing("copy-test", async ({ newPage, login, screenshot, ftp, baseUrl }) => {
  await mkdir(join(ftp.root, "copy-test", "dest"), { recursive: true });
  await writeFile(join(ftp.root, "copy-test", "a.txt"), "new");
  await writeFile(join(ftp.root, "copy-test", "dest", "a.txt"), "old");
  const { page } = await newPage();
  await login(page, { next: "/files/copy-test" });
  await page.waitForURL(`${baseUrl}/files/copy-test`);
  await row(page, "a.txt").click();
  await page.keyboard.press("Control+c");
  await openFolder(page, "dest", "a.txt");
  await page.keyboard.press("Control+v");
  const box = dialog(page);
  await box.getByText("1 item could not be done:").waitFor();
  assert.match(await box.getByRole("list").innerText(), /a\.txt\s+Something with that name already exists\./);
  await screenshot(page, "fileops-copy-conflict");
  await box.getByRole("button", { name: "Copy with new names (1)" }).click();
  await dialogClosed(page);
  await row(page, "a (copy).txt").waitFor();
  assert.equal(await readFile(join(ftp.root, "copy-test", "dest", "a.txt"), "utf8"), "old");
  assert.equal(await readFile(join(ftp.root, "copy-test", "dest", "a (copy).txt"), "utf8"), "new");
}), { timeoutMs: 90_000 });

test("dialogs at 375 px in dark mode, and in Korean", async ({ newPage, login, screenshot }) => {
  const { page } = await newPage({ viewport: { width: 375, height: 740 }, colorScheme: "dark" });
  await login(page);
  // On a phone the name fills the row (a tap opens it): select with the checkbox.
  await row(page, "images").getByRole("checkbox").check();
  await page.keyboard.press("Delete");
  await dialog(page).getByRole("button", { name: "Cancel" }).waitFor();
  await screenshot(page, "fileops-375-dark-delete");
  await page.keyboard.press("Escape");
  await dialogClosed(page);
  assert.ok(await row(page, "images").isVisible());
  // The focus goes back to what opened the dialog.
  assert.equal(await page.evaluate(() => document.activeElement?.closest("tr")?.getAttribute("data-name")), "images");
  await row(page, "README.txt").click({ button: "right" });
  await page.getByRole("menu").waitFor();
  await screenshot(page, "fileops-375-dark-menu");
  await page.getByRole("menuitem", { name: "Permissions…" }).click();
  await dialog(page).getByLabel("Octal").waitFor();
  await screenshot(page, "fileops-375-dark-chmod");
  await page.keyboard.press("Escape");
  await dialogClosed(page);
  await toolbar(page, "search").click();
  await dialog(page).getByLabel("Name contains").fill("txt");
  await dialog(page).getByRole("button", { name: "Search" }).click();
  await dialog(page).getByText(/^\d+ found/).waitFor();
  await screenshot(page, "fileops-375-dark-search");
  await page.keyboard.press("Escape");

  const { page: ko } = await newPage({ locale: "ko-KR" });
  await login(ko);
  await ko.locator('[role="toolbar"] [data-action="new-folder"]').click();
  await dialog(ko).getByRole("heading", { name: "새 폴더" }).waitFor();
  assert.equal(await dialog(ko).getByLabel("이름").inputValue(), "새 폴더");
  await screenshot(ko, "fileops-ko-new-folder");
}, { timeoutMs: 90_000 });
