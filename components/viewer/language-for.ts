// Syntax highlighting by file name. Each language is its own dynamic import, so opening a
// .py file never downloads the PHP grammar; a name nobody maps stays plain text.
import type { Extension } from "@codemirror/state";
import type { StreamParser } from "@codemirror/language";

type Loader = () => Promise<Extension>;

/** A legacy (CodeMirror 5) mode wrapped as a CodeMirror 6 language. */
async function legacy(parser: Promise<StreamParser<unknown>>): Promise<Extension> {
  const [{ StreamLanguage }, mode] = await Promise.all([import("@codemirror/language"), parser]);
  return StreamLanguage.define(mode);
}

const javascript = (options: { jsx?: boolean; typescript?: boolean }): Loader => async () => (await import("@codemirror/lang-javascript")).javascript(options);
const html: Loader = async () => (await import("@codemirror/lang-html")).html();
const shell: Loader = () => legacy(import("@codemirror/legacy-modes/mode/shell").then((m) => m.shell));
const properties: Loader = () => legacy(import("@codemirror/legacy-modes/mode/properties").then((m) => m.properties));
const clike = (pick: (m: typeof import("@codemirror/legacy-modes/mode/clike")) => StreamParser<unknown>): Loader => () =>
  legacy(import("@codemirror/legacy-modes/mode/clike").then(pick));

const byExtension: Record<string, Loader> = {
  js: javascript({ jsx: true }),
  mjs: javascript({}),
  cjs: javascript({}),
  jsx: javascript({ jsx: true }),
  ts: javascript({ typescript: true }),
  mts: javascript({ typescript: true }),
  cts: javascript({ typescript: true }),
  tsx: javascript({ jsx: true, typescript: true }),
  json: async () => (await import("@codemirror/lang-json")).json(),
  css: async () => (await import("@codemirror/lang-css")).css(),
  scss: () => legacy(import("@codemirror/legacy-modes/mode/css").then((m) => m.sCSS)),
  less: () => legacy(import("@codemirror/legacy-modes/mode/css").then((m) => m.less)),
  html,
  htm: html,
  xhtml: html,
  vue: html,
  svelte: html,
  astro: html,
  md: async () => (await import("@codemirror/lang-markdown")).markdown(),
  markdown: async () => (await import("@codemirror/lang-markdown")).markdown(),
  py: async () => (await import("@codemirror/lang-python")).python(),
  php: async () => (await import("@codemirror/lang-php")).php(),
  xml: async () => (await import("@codemirror/lang-xml")).xml(),
  svg: async () => (await import("@codemirror/lang-xml")).xml(),
  yaml: async () => (await import("@codemirror/lang-yaml")).yaml(),
  yml: async () => (await import("@codemirror/lang-yaml")).yaml(),
  sql: async () => (await import("@codemirror/lang-sql")).sql(),
  sh: shell,
  bash: shell,
  zsh: shell,
  env: shell,
  toml: () => legacy(import("@codemirror/legacy-modes/mode/toml").then((m) => m.toml)),
  ini: properties,
  cfg: properties,
  conf: properties,
  properties,
  htaccess: properties,
  gitignore: shell,
  editorconfig: properties,
  dockerfile: () => legacy(import("@codemirror/legacy-modes/mode/dockerfile").then((m) => m.dockerFile)),
  go: () => legacy(import("@codemirror/legacy-modes/mode/go").then((m) => m.go)),
  rs: () => legacy(import("@codemirror/legacy-modes/mode/rust").then((m) => m.rust)),
  rb: () => legacy(import("@codemirror/legacy-modes/mode/ruby").then((m) => m.ruby)),
  pl: () => legacy(import("@codemirror/legacy-modes/mode/perl").then((m) => m.perl)),
  pm: () => legacy(import("@codemirror/legacy-modes/mode/perl").then((m) => m.perl)),
  lua: () => legacy(import("@codemirror/legacy-modes/mode/lua").then((m) => m.lua)),
  diff: () => legacy(import("@codemirror/legacy-modes/mode/diff").then((m) => m.diff)),
  patch: () => legacy(import("@codemirror/legacy-modes/mode/diff").then((m) => m.diff)),
  ps1: () => legacy(import("@codemirror/legacy-modes/mode/powershell").then((m) => m.powerShell)),
  r: () => legacy(import("@codemirror/legacy-modes/mode/r").then((m) => m.r)),
  swift: () => legacy(import("@codemirror/legacy-modes/mode/swift").then((m) => m.swift)),
  groovy: () => legacy(import("@codemirror/legacy-modes/mode/groovy").then((m) => m.groovy)),
  gradle: () => legacy(import("@codemirror/legacy-modes/mode/groovy").then((m) => m.groovy)),
  c: clike((m) => m.c),
  h: clike((m) => m.c),
  cpp: clike((m) => m.cpp),
  cc: clike((m) => m.cpp),
  cxx: clike((m) => m.cpp),
  hpp: clike((m) => m.cpp),
  java: clike((m) => m.java),
  cs: clike((m) => m.csharp),
  kt: clike((m) => m.kotlin),
  kts: clike((m) => m.kotlin),
  scala: clike((m) => m.scala),
  dart: clike((m) => m.dart),
};

// Names without an extension that have a language by convention.
const byName: Record<string, Loader> = {
  dockerfile: byExtension.dockerfile!,
  makefile: shell,
  ".bashrc": shell,
  ".profile": shell,
  "nginx.conf": () => legacy(import("@codemirror/legacy-modes/mode/nginx").then((m) => m.nginx)),
};

/** The name of the language used for `name` ("" for plain text); shown in the status bar. */
export function languageKeyOf(name: string): string {
  const lower = name.toLowerCase();
  if (byName[lower]) return lower;
  const dot = lower.lastIndexOf(".");
  const ext = dot < 0 ? "" : lower.slice(dot + 1);
  return byExtension[ext] ? ext : "";
}

/** Loads the highlighting for `name`, or null for plain text. */
export function loadLanguageFor(name: string): Promise<Extension> | null {
  const lower = name.toLowerCase();
  const loader = byName[lower] ?? byExtension[languageKeyOf(name)];
  return loader ? loader() : null;
}

// Prose wraps at the window's edge by default (a phone shows all of a sentence); code keeps its lines.
const prose = /\.(txt|text|md|markdown|log|rst|adoc|csv|tsv)$|^[^.]+$/i;

/** Whether the editor wraps long lines of `name` until the user says otherwise. */
export function wrapsByDefault(name: string): boolean {
  return prose.test(name);
}

/** Every extension and file name with highlighting (a test loads each one). */
export const highlightedNames: readonly string[] = [...Object.keys(byExtension).map((ext) => `file.${ext}`), ...Object.keys(byName)];
