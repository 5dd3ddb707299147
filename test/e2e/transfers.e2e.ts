// Transfers as a person does them: upload by the file chooser with the progress panel showing
// (the upload is throttled through DevTools so the panel is caught mid-way, by its progress
// state, not by a sleep), a folder upload, a name conflict answered "keep both", a page reload
// in the middle of a big upload continued by choosing the file again, files dropped on a folder
// row, a download and a selection as zip. Bytes are checked on the demo FTP server's disk by SHA-256.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yauzl from "yauzl";
import type { BrowserContext, Page } from "playwright-core";
import { makeZip } from "../fixtures/make-zip";
import { test, type E2EContext } from "./harness";

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const row = (page: Page, name: string) => page.locator(`[data-testid="file-table"] tbody tr[data-name="${name}"]`);
const transferRow = (page: Page, name: string) => page.getByTestId("transfer-row").filter({ hasText: name });

// The local folders below are removed when the run ends (some hold tens of MiB).
const madeFolders: string[] = [];
process.once("exit", () => {
  for (const dir of madeFolders) rmSync(dir, { recursive: true, force: true });
});

/** A local folder (outside the FTP root) holding files to pick in the chooser. */
async function localFiles(files: Record<string, Buffer | string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ferry-e2e-transfers-"));
  madeFolders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** A fresh remote folder (on the FTP server's disk) with `files`, and a page logged into it. */
async function folderWith(ctx: E2EContext, folder: string, files: Record<string, Buffer | string> = {}, options: { colorScheme?: "light" | "dark"; width?: number; locale?: string } = {}) {
  const remote = join(ctx.ftp.root, folder);
  await mkdir(remote, { recursive: true });
  // Never empty: the harness's login waits for the table (an empty folder hides it).
  for (const [name, content] of Object.entries({ "readme.txt": "here\n", ...files })) await writeFile(join(remote, name), content);
  const { context, page } = await ctx.newPage({ colorScheme: options.colorScheme ?? "light", viewport: { width: options.width ?? 1280, height: 800 }, locale: options.locale ?? "en-US" });
  await ctx.login(page, { next: `/files/${encodeURIComponent(folder)}` });
  return { context, page, remote };
}

/** Caps the page's upload speed (bytes/s) with DevTools network emulation; null lifts the cap. */
async function throttleUploads(context: BrowserContext, page: Page, bytesPerSecond: number | null) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond ?? -1 });
}

/** Waits until the named file's progress bar is between `min` and `max` percent. */
async function waitForProgress(page: Page, name: string, min: number, max: number) {
  await page.waitForFunction(
    ([wanted, low, high]) => {
      const rows = [...document.querySelectorAll('[data-testid="transfer-row"]')].filter((r) => r.textContent?.includes(wanted as string));
      const value = Number(rows[0]?.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow"));
      return rows[0]?.getAttribute("data-status") === "uploading" && value >= (low as number) && value <= (high as number);
    },
    [name, min, max] as const,
    { timeout: 60_000 },
  );
}

async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z!))));
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return entries;
}

test(
  "upload: a 40 MiB file by the file chooser shows the progress panel mid-way, arrives byte-exact, the listing refreshes",
  async (ctx) => {
    const big = randomBytes(40 * MiB);
    const local = await localFiles({ "big.bin": big });
    const { context, page, remote } = await folderWith(ctx, "transfers-upload");
    await throttleUploads(context, page, 6 * MiB);
    await page.getByTestId("upload-files-input").setInputFiles(join(local, "big.bin"));
    await waitForProgress(page, "big.bin", 15, 85);
    const panel = page.getByTestId("transfer-panel");
    assert.match(await transferRow(page, "big.bin").getByTestId("transfer-detail").innerText(), /B of 40 MB · .+\/s/);
    assert.match(await panel.getByTestId("transfer-summary").innerText(), /Uploading 0 of 1/);
    await ctx.screenshot(page, "transfers-upload-progress");
    await throttleUploads(context, page, null);
    await transferRow(page, "big.bin").and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
    await row(page, "big.bin").waitFor(); // the listing refreshed by itself
    assert.equal(sha256(await readFile(join(remote, "big.bin"))), sha256(big));
    await ctx.screenshot(page, "transfers-upload-done");
  },
  { timeoutMs: 150_000 },
);

test(
  "upload at 375 px, dark, in Korean: the panel fits the phone, cancel stops the upload and leaves nothing behind",
  async (ctx) => {
    const local = await localFiles({ "phone.bin": randomBytes(20 * MiB) });
    const { context, page, remote } = await folderWith(ctx, "transfers-phone", {}, { colorScheme: "dark", width: 375, locale: "ko-KR" });
    await throttleUploads(context, page, 2 * MiB);
    await page.getByTestId("upload-files-input").setInputFiles(join(local, "phone.bin"));
    await waitForProgress(page, "phone.bin", 5, 90);
    const box = await page.getByTestId("transfer-panel").boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `panel within 375 px: ${JSON.stringify(box)}`);
    await ctx.screenshot(page, "transfers-upload-375-dark");
    assert.match(await page.getByTestId("transfer-summary").innerText(), /1개 중 0개 업로드 중/);
    await page.getByRole("button", { name: "“phone.bin” 취소" }).click();
    await transferRow(page, "phone.bin").and(page.locator('[data-status="cancelled"]')).waitFor();
    await page.getByRole("button", { name: "“phone.bin” 다시 시도" }).waitFor();
    assert.match(await transferRow(page, "phone.bin").innerText(), /취소됨/);
    // Neither the target nor a temporary part stays on the server.
    await page.waitForFunction(async () => {
      const res = await fetch(`/api/fs/list?path=${encodeURIComponent("/transfers-phone")}`);
      const body = (await res.json()) as { entries: { name: string }[] };
      return body.entries.map((e) => e.name).join() === "readme.txt";
    });
    await assert.rejects(stat(join(remote, "phone.bin")));
  },
  { timeoutMs: 120_000 },
);

test(
  "three big files at once: the server's transfer slots make one wait (429), and all three arrive byte-exact",
  async (ctx) => {
    const files = { "one.bin": randomBytes(12 * MiB), "two.bin": randomBytes(12 * MiB), "three.bin": randomBytes(12 * MiB) };
    const local = await localFiles(files);
    const { context, page, remote } = await folderWith(ctx, "transfers-parallel");
    const statuses: number[] = [];
    page.on("response", (res) => void (res.url().includes("/api/fs/upload?") && statuses.push(res.status())));
    await throttleUploads(context, page, 12 * MiB);
    await page.getByTestId("upload-files-input").setInputFiles(Object.keys(files).map((name) => join(local, name)));
    await page.getByTestId("transfer-summary").filter({ hasText: "3 of 3 uploaded" }).waitFor({ timeout: 90_000 });
    for (const [name, bytes] of Object.entries(files)) assert.equal(sha256(await readFile(join(remote, name))), sha256(bytes), name);
    assert.ok(statuses.includes(429), `a third concurrent upload is refused with 429 (saw ${statuses.join(", ")})`);
  },
  { timeoutMs: 120_000 },
);

test("upload a folder: subfolders are recreated and every file arrives", async (ctx) => {
  const local = await localFiles({ "album/a.txt": "one\n", "album/sub/b.txt": "two\n", "album/sub/deeper/c 사진.txt": "three\n" });
  const { page, remote } = await folderWith(ctx, "transfers-folder");
  await page.getByTestId("upload-folder-input").setInputFiles(join(local, "album"));
  await row(page, "album").waitFor();
  await page.getByTestId("transfer-summary").filter({ hasText: "3 of 3 uploaded" }).waitFor();
  assert.equal(await readFile(join(remote, "album/a.txt"), "utf8"), "one\n");
  assert.equal(await readFile(join(remote, "album/sub/b.txt"), "utf8"), "two\n");
  assert.equal(await readFile(join(remote, "album/sub/deeper/c 사진.txt"), "utf8"), "three\n");
  await ctx.screenshot(page, "transfers-folder-upload");
});

test("conflict: uploading an existing name asks; 'keep both' uploads it as 'name (1).ext' and keeps the old file", async (ctx) => {
  const local = await localFiles({ "notes.txt": "new version\n" });
  const { page, remote } = await folderWith(ctx, "transfers-conflict", { "notes.txt": "old version\n" });
  await page.getByTestId("upload-files-input").setInputFiles(join(local, "notes.txt"));
  const dialog = page.getByTestId("conflict-dialog");
  await dialog.waitFor();
  assert.match(await page.getByRole("dialog").innerText(), /“notes\.txt” already exists[\s\S]*notes \(1\)\.txt/);
  await ctx.screenshot(page, "transfers-conflict-dialog");
  await page.getByRole("button", { name: "Keep both" }).click();
  await row(page, "notes (1).txt").waitFor();
  assert.equal(await readFile(join(remote, "notes.txt"), "utf8"), "old version\n");
  assert.equal(await readFile(join(remote, "notes (1).txt"), "utf8"), "new version\n");
  assert.match(await transferRow(page, "notes.txt").innerText(), /as “notes \(1\)\.txt”/);
});

test(
  "reload in the middle of a big upload: the panel offers to continue, choosing the file again resumes from the server's offset",
  async (ctx) => {
    const big = randomBytes(48 * MiB);
    const local = await localFiles({ "resume.bin": big });
    const { context, page, remote } = await folderWith(ctx, "transfers-resume");
    await throttleUploads(context, page, 8 * MiB);
    await page.getByTestId("upload-files-input").setInputFiles(join(local, "resume.bin"));
    await waitForProgress(page, "resume.bin", 75, 95); // past the first 32 MiB chunk
    await throttleUploads(context, page, null);
    page.once("dialog", (d) => void d.accept()); // "leave the page?" while uploading
    await page.reload();
    const interrupted = page.getByTestId("interrupted-uploads");
    await interrupted.waitFor();
    const held = await interrupted.innerText();
    assert.match(held, /resume\.bin/);
    await ctx.screenshot(page, "transfers-interrupted");
    const puts: string[] = [];
    page.on("request", (req) => void (req.method() === "PUT" && puts.push(req.url())));
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Continue uploading “resume.bin”: choose the file" }).click()]);
    await chooser.setFiles(join(local, "resume.bin"));
    await transferRow(page, "resume.bin").and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
    const firstOffset = Number(new URL(puts[0]!).searchParams.get("offset"));
    assert.ok(firstOffset >= 32 * MiB, `continued from ${firstOffset}, not from the start`);
    assert.equal(sha256(await readFile(join(remote, "resume.bin"))), sha256(big));
  },
  { timeoutMs: 150_000 },
);

test("unzip after upload: a .zip uploaded with the option on is extracted beside it", async (ctx) => {
  const zip = makeZip([{ name: "pics/" }, { name: "pics/a.txt", data: "inside a\n" }, { name: "b.txt", data: "inside b\n" }]);
  const local = await localFiles({ "bundle.zip": zip });
  const { page, remote } = await folderWith(ctx, "transfers-unzip");
  const option = page.getByRole("checkbox", { name: "Unzip after upload" });
  await option.check();
  await page.getByTestId("upload-files-input").setInputFiles(join(local, "bundle.zip"));
  await transferRow(page, "bundle.zip").filter({ hasText: "Uploaded and extracted" }).waitFor();
  await row(page, "pics").waitFor();
  assert.equal(await readFile(join(remote, "pics/a.txt"), "utf8"), "inside a\n");
  assert.equal(await readFile(join(remote, "b.txt"), "utf8"), "inside b\n");
  assert.ok((await stat(join(remote, "bundle.zip"))).size === zip.length);
  // The choice is remembered in this browser.
  await page.reload();
  await page.getByRole("checkbox", { name: "Unzip after upload", checked: true }).waitFor();
});

test("drop: files dropped on a folder row are uploaded into that folder", async (ctx) => {
  const { page, remote } = await folderWith(ctx, "transfers-drop", {});
  await mkdir(join(remote, "inbox"));
  await page.reload();
  await row(page, "inbox").waitFor();
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["dropped one\n"], "one.txt", { type: "text/plain" }));
    dt.items.add(new File(["dropped two\n"], "two.txt", { type: "text/plain" }));
    return dt;
  });
  await row(page, "inbox").dispatchEvent("dragenter", { dataTransfer });
  await row(page, "inbox").dispatchEvent("dragover", { dataTransfer });
  const hint = page.getByTestId("drop-hint");
  assert.match(await hint.innerText(), /Drop to upload into \/transfers-drop/);
  await ctx.screenshot(page, "transfers-drop-highlight");
  await row(page, "inbox").dispatchEvent("drop", { dataTransfer });
  await hint.waitFor({ state: "detached" });
  await page.getByTestId("transfer-summary").filter({ hasText: "2 of 2 uploaded" }).waitFor();
  assert.equal(await readFile(join(remote, "inbox/one.txt"), "utf8"), "dropped one\n");
  assert.equal(await readFile(join(remote, "inbox/two.txt"), "utf8"), "dropped two\n");
  await assert.rejects(stat(join(remote, "one.txt")));
});

test("download: one selected file through the Download link, byte-exact by SHA-256", async (ctx) => {
  const bytes = randomBytes(3 * MiB + 17);
  const { page } = await folderWith(ctx, "transfers-download", { "데이터 #1.bin": bytes, "other.txt": "x" });
  await row(page, "데이터 #1.bin").getByRole("checkbox").check();
  const link = page.getByTestId("download-link");
  assert.equal((await link.innerText()).trim(), "Download");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "데이터 #1.bin");
  assert.equal(sha256(await readFile((await download.path())!)), sha256(bytes));
});

test("download a selection as zip: the archive holds exactly the chosen files and folders", async (ctx) => {
  const { page, remote } = await folderWith(ctx, "transfers-zip", { "a.txt": "alpha\n", "b.bin": randomBytes(4096), "left-out.txt": "no\n" });
  await mkdir(join(remote, "docs"));
  await writeFile(join(remote, "docs/inner.txt"), "inside\n");
  await page.reload();
  for (const name of ["a.txt", "b.bin", "docs"]) await row(page, name).getByRole("checkbox").check();
  const link = page.getByTestId("download-link");
  assert.equal((await link.innerText()).trim(), "Download as zip");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "transfers-zip.zip");
  const entries = await readZip(await readFile((await download.path())!));
  assert.deepEqual([...entries.keys()].sort(), ["a.txt", "b.bin", "docs/inner.txt"]);
  assert.equal(entries.get("a.txt")!.toString(), "alpha\n");
  assert.equal(sha256(entries.get("b.bin")!), sha256(await readFile(join(remote, "b.bin"))));
  assert.equal(entries.get("docs/inner.txt")!.toString(), "inside\n");
  // Nothing selected: the whole folder.
  for (const name of ["a.txt", "b.bin", "docs"]) await row(page, name).getByRole("checkbox").uncheck();
  assert.equal(await link.getAttribute("title"), "Download this whole folder as a zip file");
  const [whole] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const all = await readZip(await readFile((await whole.path())!));
  assert.deepEqual([...all.keys()].sort(), ["a.txt", "b.bin", "docs/inner.txt", "left-out.txt", "readme.txt"]);
});
