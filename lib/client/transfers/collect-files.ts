// Turns what the user picked or dropped (files, folders) into queue entries:
// a file inside a folder goes to the same relative folder on the server.
import { joinPath } from "@/lib/client/paths";
import type { NewUpload } from "./upload-queue";

export interface CollectedUpload {
  files: NewUpload[];
  /** Remote folders to create that hold no file (files' folders are made by `mkdirs=1`). */
  emptyDirs: string[];
}

function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf("/");
  return slash < 0 ? "" : relativePath.slice(0, slash);
}

function toUpload(file: File, baseDir: string, relativePath: string): NewUpload {
  const folder = folderOf(relativePath);
  return folder
    ? { file, dir: joinPath(baseDir, folder), displayPath: relativePath, mkdirs: true }
    : { file, dir: baseDir, displayPath: file.name };
}

/** Files from an `<input type=file>` (with `webkitdirectory`, each carries its `webkitRelativePath`). */
export function collectFromInput(files: Iterable<File>, baseDir: string): CollectedUpload {
  return { files: Array.from(files, (file) => toUpload(file, baseDir, file.webkitRelativePath || file.name)), emptyDirs: [] };
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in pages (100 in Chromium) until it answers an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((page) => {
        if (page.length === 0) return resolve(all);
        all.push(...page);
        next();
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, baseDir: string, out: CollectedUpload): Promise<void> {
  const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.files.push(toUpload(await fileOf(entry as FileSystemFileEntry), baseDir, relativePath));
    return;
  }
  if (!entry.isDirectory) return;
  const children = await readAllEntries(entry as FileSystemDirectoryEntry);
  if (children.length === 0) out.emptyDirs.push(joinPath(baseDir, relativePath));
  for (const child of children) await walk(child, relativePath, baseDir, out);
}

/**
 * Reads a drop: files and whole folders (through `webkitGetAsEntry`). The entries are taken
 * synchronously, because a DataTransfer's items are emptied once the drop event returns.
 */
export function collectFromDrop(dataTransfer: DataTransfer, baseDir: string): Promise<CollectedUpload> {
  const items = Array.from(dataTransfer.items ?? []).filter((item) => item.kind === "file");
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Promise.resolve(collectFromInput(Array.from(dataTransfer.files), baseDir));
  }
  const out: CollectedUpload = { files: [], emptyDirs: [] };
  return entries.reduce<Promise<void>>((chain, entry) => chain.then(() => walk(entry!, "", baseDir, out)), Promise.resolve()).then(() => out);
}

/** Every folder to create for `emptyDirs`, parents first, below `baseDir` (which exists). */
export function foldersToCreate(baseDir: string, emptyDirs: readonly string[]): string[] {
  const base = baseDir.endsWith("/") ? baseDir : `${baseDir}/`;
  const wanted = new Set<string>();
  for (const dir of emptyDirs) {
    if (!dir.startsWith(base)) continue;
    const parts = dir.slice(base.length).split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) wanted.add(base + parts.slice(0, i).join("/"));
  }
  return [...wanted].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
}
