import { describe, expect, it } from "vitest";
import { formatBytes } from "@/components/viewer/format-bytes";
import { highlightedNames, languageKeyOf, loadLanguageFor, wrapsByDefault } from "@/components/viewer/language-for";
import { isViewable, viewKindOf } from "@/components/viewer/viewable";

describe("viewKindOf: how the viewer shows a file", () => {
  it.each([
    ["photo.JPG", "image"],
    ["logo.svg", "image"], // only ever in <img>, never as a page
    ["index.html", "text"], // HTML is shown as its source
    ["report.pdf", "pdf"],
    ["song.mp3", "audio"],
    ["clip.webm", "video"],
    ["main.py", "text"],
    ["README", "text"],
    [".bashrc", "text"], // a dotfile: tried as text, the editor's binary check decides
    ["hosts", "text"],
    ["archive.zip", null],
    ["setup.exe", null],
    ["data.tar.gz", null],
  ] as const)("%s → %s", (name, kind) => {
    expect(viewKindOf(name)).toBe(kind);
  });

  it("opens files and links, never folders", () => {
    expect(isViewable({ name: "a.txt", type: "file", size: 1 })).toBe(true);
    expect(isViewable({ name: "a.txt", type: "link", size: null })).toBe(true);
    expect(isViewable({ name: "a.txt", type: "dir", size: null })).toBe(false);
    expect(isViewable({ name: "a.zip", type: "file", size: 1 })).toBe(false);
  });
});

describe("syntax highlighting by name", () => {
  it.each([
    ["app.tsx", "tsx"],
    ["Config.YAML", "yaml"],
    ["Dockerfile", "dockerfile"],
    ["notes.txt", ""],
    ["Makefile", "makefile"],
  ])("%s → %j", (name, key) => {
    expect(languageKeyOf(name)).toBe(key);
  });

  it("has no loader for plain text", () => {
    expect(loadLanguageFor("notes.txt")).toBeNull();
  });

  // Catches a wrong export name in a legacy mode import, which would only show in the browser.
  it.each(highlightedNames)("loads the language of %s", async (name) => {
    const extension = await loadLanguageFor(name);
    expect(extension).toBeTruthy();
  });
});

describe("wrapsByDefault: prose wraps, code keeps its lines", () => {
  it.each([
    ["notes.txt", true],
    ["README.md", true],
    ["server.log", true],
    ["LICENSE", true],
    ["app.ts", false],
    ["style.css", false],
    [".htaccess", false],
  ])("%s → %s", (name, wraps) => {
    expect(wrapsByDefault(name)).toBe(wraps);
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [262144, "256 KB"],
    [5 * 1024 * 1024, "5.0 MB"],
    [1536 * 1024 * 1024, "1.5 GB"],
  ])("%d → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
