// Which file operation a key press asks for: pure, so the table is tested without a browser.

export type ShortcutAction = "rename" | "delete" | "cut" | "copy" | "paste" | "newFolder" | "refresh" | "properties" | "search";

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The action of a key press, or null. Ctrl and ⌘ are the same (Windows/Linux vs macOS);
 * ⌘+Backspace deletes as in the Finder; F7 also makes a folder, because browsers keep
 * Ctrl+Shift+N (a private window) for themselves.
 */
export function shortcutFor(e: KeyPress): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (!mod && !e.altKey) {
    if (key === "F2" && !e.shiftKey) return "rename";
    if (key === "Delete") return "delete";
    if (key === "F5" && !e.shiftKey) return "refresh";
    if (key === "F7" && !e.shiftKey) return "newFolder";
    return null;
  }
  if (e.altKey && !mod && !e.shiftKey && key === "Enter") return "properties";
  if (!mod || e.altKey) return null;
  if (e.shiftKey) {
    if (key === "n") return "newFolder";
    if (key === "f") return "search";
    return null;
  }
  if (key === "x") return "cut";
  if (key === "c") return "copy";
  if (key === "v") return "paste";
  if (key === "Backspace" && e.metaKey) return "delete";
  return null;
}
