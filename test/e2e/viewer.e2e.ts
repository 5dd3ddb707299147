// The viewer and editor as a person uses them: open a text file, edit, save (Ctrl+S), reopen; a
// change on the server meanwhile asks overwrite or reload; unsaved edits are guarded; images,
// SVG (as an image), HTML (as text), audio by byte ranges; previous/next by buttons and arrows.
// Each test works in its own folder of the demo FTP server and checks the bytes on its disk.
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Client } from "basic-ftp";
import type { Page } from "playwright-core";
import { gradientPng } from "../../lib/demo/seed-demo-tree";
import { test, type E2EContext } from "./harness";

const bom = Buffer.from([0xef, 0xbb, 0xbf]);
const row = (page: Page, name: string) => page.locator(`[data-testid="file-table"] tbody tr[data-name="${name}"]`);
const viewer = (page: Page) => page.getByTestId("viewer");
const editorText = (page: Page) => viewer(page).locator(".cm-content");

/** Puts `files` in a fresh folder of the demo server and logs into it. */
async function folderWith(ctx: E2EContext, folder: string, files: Record<string, string | Buffer>, options: { colorScheme?: "light" | "dark" } = {}) {
  const local = join(ctx.ftp.root, folder);
  await mkdir(local, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(local, name), content);
  const { page } = await ctx.newPage({ colorScheme: options.colorScheme ?? "light" });
  // The page CSP must let CodeMirror's styles in (they carry the nonce): any refusal fails the test.
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await ctx.login(page, { next: `/files/${encodeURIComponent(folder)}` });
  return { page, local, cspErrors };
}

async function openRow(page: Page, name: string): Promise<void> {
  await row(page, name).getByTestId("entry-name").click();
  await viewer(page).waitFor();
}

/** Changes a file the way another FTP client would: STOR through the demo server. */
async function storeOverFtp(ctx: E2EContext, path: string, content: string): Promise<void> {
  const client = new Client();
  try {
    await client.access({ host: ctx.ftp.host, port: ctx.ftp.port, user: "demo", password: "demo" });
    await client.uploadFrom(Readable.from([Buffer.from(content)]), path);
  } finally {
    client.close();
  }
}

test("editor: open a text file, edit, save with Ctrl+S, reopen shows the change; BOM and CRLF kept", async (ctx) => {
  const { page, local, cspErrors } = await folderWith(ctx, "viewer-edit", { "notes.txt": Buffer.concat([bom, Buffer.from("first line\r\nsecond line\r\n")]) });
  await openRow(page, "notes.txt");
  await editorText(page).getByText("second line").first().waitFor();
  const status = page.getByTestId("text-status");
  assert.match(await status.innerText(), /UTF-8 with BOM[\s\S]*CRLF[\s\S]*Read-only/);
  // Read-only until Edit: typing changes nothing.
  await editorText(page).click();
  await page.keyboard.type("zzz");
  assert.ok(!(await editorText(page).innerText()).includes("zzz"));

  await viewer(page).getByRole("button", { name: "Edit" }).click();
  await editorText(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("third line 셋째");
  await viewer(page).getByText("Unsaved changes").waitFor();
  await ctx.screenshot(page, "viewer-editor-light");
  await page.keyboard.press("Control+s");
  await viewer(page).getByText("Saved", { exact: true }).waitFor();
  assert.deepEqual(await readFile(join(local, "notes.txt")), Buffer.concat([bom, Buffer.from("first line\r\nsecond line\r\nthird line 셋째")]));

  // Esc closes (nothing unsaved); reopening reads the saved file.
  await page.keyboard.press("Escape");
  await viewer(page).waitFor({ state: "detached" });
  await openRow(page, "notes.txt");
  await editorText(page).getByText("third line 셋째").first().waitFor();

  // Unsaved edits: Esc asks; "Keep editing" stays, "Discard changes" closes and leaves the file alone.
  await viewer(page).getByRole("button", { name: "Edit" }).click();
  await editorText(page).click();
  await page.keyboard.type("draft ");
  await page.keyboard.press("Escape");
  const ask = page.getByRole("dialog", { name: "Discard unsaved changes?" });
  await ask.waitFor();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await ask.waitFor({ state: "detached" });
  assert.ok(await viewer(page).isVisible());
  // Esc in the question means "keep editing" too, and leaves the viewer open.
  await editorText(page).click();
  await page.keyboard.press("Escape");
  await ask.waitFor();
  await page.keyboard.press("Escape");
  await ask.waitFor({ state: "detached" });
  assert.ok(await viewer(page).isVisible());
  await viewer(page).getByRole("button", { name: "Close (Esc)" }).click();
  await ask.getByRole("button", { name: "Discard changes" }).click();
  await viewer(page).waitFor({ state: "detached" });
  assert.ok(!(await readFile(join(local, "notes.txt"), "utf8")).includes("draft"));
  assert.deepEqual(cspErrors, []);
});

test("editor: a change on the server between open and save asks overwrite or reload", async (ctx) => {
  const { page, local } = await folderWith(ctx, "viewer-conflict", { "shared.txt": "original\n" });
  await openRow(page, "shared.txt");
  await viewer(page).getByRole("button", { name: "Edit" }).click();
  await editorText(page).getByText("original").first().waitFor();
  await editorText(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("mine");

  // Someone else saves the file over FTP: Save asks, Reload shows their text.
  await storeOverFtp(ctx, "/viewer-conflict/shared.txt", "their change\n");
  await viewer(page).getByRole("button", { name: "Save" }).click();
  const ask = page.getByRole("dialog", { name: "The file changed on the server" });
  await ask.waitFor();
  await ctx.screenshot(page, "viewer-editor-conflict");
  await ask.getByRole("button", { name: "Reload" }).click();
  await editorText(page).getByText("their change").first().waitFor();
  assert.equal(await readFile(join(local, "shared.txt"), "utf8"), "their change\n");

  // Again, and this time overwrite.
  await editorText(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("my version");
  await storeOverFtp(ctx, "/viewer-conflict/shared.txt", "a second change from elsewhere\n");
  // Ctrl+S saves with the focus outside the text too.
  await viewer(page).getByRole("button", { name: "Find and replace" }).focus();
  await page.keyboard.press("Control+s");
  await ask.waitFor();
  await ask.getByRole("button", { name: "Overwrite" }).click();
  await viewer(page).getByText("Saved", { exact: true }).waitFor();
  assert.equal(await readFile(join(local, "shared.txt"), "utf8"), "their change\nmy version");
});

test("preview: images, SVG as an image, HTML as text, previous/next by buttons and arrows, download, Esc", async (ctx) => {
  const { page } = await folderWith(ctx, "viewer-preview", {
    "a-gradient.png": gradientPng(),
    "b-wide.png": gradientPng(320, 120),
    "c-logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><script>parent.document.title="pwned"</script><rect width="40" height="30" fill="teal"/></svg>',
    "d-page.html": "<!doctype html><script>document.title='pwned'</script><h1>Hi</h1>\n",
    "e-archive.zip": "PK not really",
  });
  await openRow(page, "a-gradient.png");
  const image = viewer(page).getByTestId("image-preview");
  await viewer(page).getByTestId("image-size").getByText("96 × 64 px").waitFor();
  assert.equal(await viewer(page).getByText("1 of 4").count(), 1, "the zip is not in the viewer's list");
  assert.equal(await viewer(page).getByRole("button", { name: "Previous file (←)" }).isDisabled(), true);
  const download = viewer(page).getByRole("link", { name: "Download" });
  assert.equal(await download.getAttribute("href"), "/api/fs/download?path=%2Fviewer-preview%2Fa-gradient.png");
  await ctx.screenshot(page, "viewer-image-preview");

  await page.keyboard.press("ArrowRight");
  await viewer(page).getByTestId("image-size").getByText("320 × 120 px").waitFor();
  await viewer(page).getByRole("button", { name: "Next file (→)" }).click();
  await viewer(page).getByText("3 of 4").waitFor();
  // The SVG is only ever an <img>: its script never runs.
  await viewer(page).getByTestId("image-size").getByText("40 × 30 px").waitFor();
  assert.equal(await image.getAttribute("src"), "/api/fs/preview?path=%2Fviewer-preview%2Fc-logo.svg");

  await page.keyboard.press("ArrowRight");
  // HTML shows as its source, never as a page.
  await editorText(page).getByText("document.title='pwned'").first().waitFor();
  assert.equal(await viewer(page).getByText("4 of 4").count(), 1);
  assert.equal(await viewer(page).getByRole("button", { name: "Next file (→)" }).isDisabled(), true);
  await viewer(page).getByRole("button", { name: "Find and replace" }).focus();
  await page.keyboard.press("ArrowLeft");
  await viewer(page).getByText("3 of 4").waitFor();
  assert.notEqual(await page.title(), "pwned");

  await page.keyboard.press("Escape");
  await viewer(page).waitFor({ state: "detached" });
  // The zip is not previewable: the shell downloads it instead (useOpenEntry answered false).
  const [started] = await Promise.all([page.waitForEvent("download"), row(page, "e-archive.zip").getByTestId("entry-name").click()]);
  assert.equal(started.suggestedFilename(), "e-archive.zip");
  assert.equal(await viewer(page).count(), 0);
});

test("previous/next follow the listing as sorted and filtered", async (ctx) => {
  const { page } = await folderWith(ctx, "viewer-order", { "a-small.png": gradientPng(8, 8), "b-large.png": gradientPng(300, 200), "c-middle.png": gradientPng(60, 40), "notes.txt": "hi\n" });
  // Largest first: the order of the table is the viewer's order.
  await page.getByRole("button", { name: "Size" }).click();
  await page.getByRole("button", { name: "Size" }).click();
  await openRow(page, "b-large.png");
  await viewer(page).getByText("1 of 4").waitFor();
  await page.keyboard.press("ArrowRight");
  await viewer(page).getByTestId("image-size").getByText("60 × 40 px").waitFor();
  await page.keyboard.press("Escape");
  await viewer(page).waitFor({ state: "detached" });
  // Filtered to PNGs: the text file is not in the round.
  await page.getByTestId("filter").fill(".png");
  await openRow(page, "c-middle.png");
  await viewer(page).getByText("2 of 3").waitFor();
});

test("preview: a binary file offers download, a huge log shows its start, audio plays through byte ranges; the editor in dark mode", async (ctx) => {
  const bigLog = "0123456789 log line\n".repeat(300_000); // 6 MB, above the editor's 5 MB
  const { page, cspErrors } = await folderWith(
    ctx,
    "viewer-more",
    { "big.log": bigLog, "blob.txt": Buffer.from([0x00, 0x01, 0x02, 0xff]), "tone.wav": wav(2), "style.css": "body {\n  color: teal; /* a comment */\n}\n" },
    { colorScheme: "dark" },
  );
  await openRow(page, "blob.txt");
  await viewer(page).getByText("This looks like a binary file, which the editor cannot show.").waitFor();
  assert.equal(await viewer(page).getByRole("link", { name: "Download instead" }).getAttribute("href"), "/api/fs/download?path=%2Fviewer-more%2Fblob.txt");

  // Too large for the editor: the first 256 KB, read-only, fetched as one byte range.
  await viewer(page).getByRole("button", { name: "Previous file (←)" }).click();
  await viewer(page).getByText("Showing the first 256 KB of 5.7 MB").waitFor();
  await editorText(page).getByText("0123456789 log line").first().waitFor();
  assert.equal(await viewer(page).getByRole("button", { name: "Edit" }).count(), 0);

  const ranges: number[] = [];
  page.on("response", (res) => {
    if (res.url().includes("tone.wav") && res.url().includes("/api/fs/preview")) ranges.push(res.status());
  });
  for (const position of ["2 of 4", "3 of 4", "4 of 4"]) {
    await viewer(page).getByRole("button", { name: "Next file (→)" }).click();
    await viewer(page).getByText(position).waitFor();
  }
  const audio = viewer(page).getByTestId("audio-preview");
  await audio.waitFor();
  await page.waitForFunction(() => (document.querySelector("[data-testid=audio-preview]") as HTMLAudioElement | null)?.duration === 2);
  // Seeking asks for a range the browser has not got yet.
  await audio.evaluate((el: HTMLAudioElement) => (el.currentTime = 1.5));
  await page.waitForFunction(() => (document.querySelector("[data-testid=audio-preview]") as HTMLAudioElement).readyState >= 2);
  assert.ok(ranges.includes(206), `preview answers: ${ranges.join(", ")}`);

  await page.keyboard.press("Escape");
  await viewer(page).waitFor({ state: "detached" });
  await openRow(page, "style.css");
  await viewer(page).getByRole("button", { name: "Edit" }).click();
  await editorText(page).getByText("a comment").first().waitFor();
  // Highlighted: the comment has its own colour from the dark theme.
  const commentColor = await editorText(page).getByText("/* a comment */").evaluate((el) => getComputedStyle(el).color);
  const textColor = await editorText(page).evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(commentColor, textColor);
  // Code keeps its long lines until wrapping is switched on.
  const wrapToggle = viewer(page).getByTestId("wrap-toggle");
  assert.equal(await wrapToggle.getAttribute("aria-pressed"), "false");
  await wrapToggle.click();
  await viewer(page).locator(".cm-content.cm-lineWrapping").waitFor();
  assert.equal(await wrapToggle.getAttribute("aria-pressed"), "true");
  await ctx.screenshot(page, "viewer-editor-dark");
  assert.deepEqual(cspErrors, []);
});

test("preview: a PDF renders in Chromium's own viewer inside the frame the server sandboxes", async (ctx) => {
  const { page } = await folderWith(ctx, "viewer-pdf", { "hello.pdf": minimalPdf("Hello PDF") });
  await openRow(page, "hello.pdf");
  const frame = viewer(page).getByTestId("pdf-preview");
  assert.equal(await frame.getAttribute("src"), "/api/fs/preview?path=%2Fviewer-pdf%2Fhello.pdf");
  // The built-in viewer is an extension page inside the frame; a blocked PDF shows an error page instead.
  const deadline = Date.now() + 20_000;
  while (!page.frames().some((f) => f.url().startsWith("chrome-extension://"))) {
    assert.ok(Date.now() < deadline, `PDF viewer not loaded; frames: ${page.frames().map((f) => f.url()).join(", ")}`);
    await page.waitForTimeout(200);
  }
  assert.ok(!page.frames().some((f) => f.url().startsWith("chrome-error://")));
  await ctx.screenshot(page, "viewer-pdf");
});

/** A one-page PDF showing `text` (with a correct cross-reference table). */
function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A mono 8 kHz 16-bit WAV of a 440 Hz tone, `seconds` long. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
