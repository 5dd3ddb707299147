// Which files Ferry previews, and the Content-Type it serves them with. Chosen by Ferry
// from the name, never from the file or the server. Shared with the browser (no server-only).

export type PreviewKind = "image" | "text" | "pdf" | "audio" | "video";

export interface PreviewType {
  kind: PreviewKind;
  contentType: string;
}

const text = "text/plain; charset=utf-8";

const byExtension: Record<string, PreviewType> = {
  png: { kind: "image", contentType: "image/png" },
  jpg: { kind: "image", contentType: "image/jpeg" },
  jpeg: { kind: "image", contentType: "image/jpeg" },
  gif: { kind: "image", contentType: "image/gif" },
  webp: { kind: "image", contentType: "image/webp" },
  avif: { kind: "image", contentType: "image/avif" },
  bmp: { kind: "image", contentType: "image/bmp" },
  ico: { kind: "image", contentType: "image/x-icon" },
  pdf: { kind: "pdf", contentType: "application/pdf" },
  mp3: { kind: "audio", contentType: "audio/mpeg" },
  wav: { kind: "audio", contentType: "audio/wav" },
  ogg: { kind: "audio", contentType: "audio/ogg" },
  oga: { kind: "audio", contentType: "audio/ogg" },
  opus: { kind: "audio", contentType: "audio/ogg" },
  m4a: { kind: "audio", contentType: "audio/mp4" },
  aac: { kind: "audio", contentType: "audio/aac" },
  flac: { kind: "audio", contentType: "audio/flac" },
  weba: { kind: "audio", contentType: "audio/webm" },
  mp4: { kind: "video", contentType: "video/mp4" },
  m4v: { kind: "video", contentType: "video/mp4" },
  webm: { kind: "video", contentType: "video/webm" },
  ogv: { kind: "video", contentType: "video/ogg" },
  mov: { kind: "video", contentType: "video/quicktime" },
};

// Text and source code, markup included: .html, .xml and .svg are shown as text, never as pages.
const textExtensions =
  "txt text md markdown log csv tsv json jsonc json5 xml yaml yml toml ini cfg conf env properties html htm xhtml css scss sass less js mjs cjs jsx ts tsx mts cts vue svelte astro php py rb go rs java kt kts c h cpp hpp cc cxx cs swift m sh bash zsh fish ps1 bat cmd sql pl pm lua r dart scala gradle groovy tex rst adoc diff patch srt vtt lock gitignore gitattributes editorconfig htaccess dockerfile makefile svg";

for (const ext of textExtensions.split(" ")) byExtension[ext] ??= { kind: "text", contentType: text };

// Names without an extension that are text by convention.
const textNames = new Set(["readme", "license", "licence", "changelog", "makefile", "dockerfile", "authors", "copying", "notice", "todo"]);

/** The last extension of a name, lower-cased ("archive.tar.gz" → "gz"; ".htaccess" → "htaccess"). */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/**
 * How a file is previewed, or null when Ferry does not preview it (offer download).
 * `.svg` is text here; `GET /api/fs/preview` serves it as an image only to `<img>`.
 */
export function previewTypeOf(name: string): PreviewType | null {
  const ext = extensionOf(name);
  if (ext === "") return textNames.has(name.toLowerCase()) ? { kind: "text", contentType: text } : null;
  return byExtension[ext] ?? null;
}
