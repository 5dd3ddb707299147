"use client";

// The viewer's two extension points in the browser (see the UI contract in components/browser/README.md):
// <ViewerHost> is mounted once by the shell; useOpenEntry() is what a row's activation calls.
import { lazy, Suspense, useCallback, useEffect, useRef } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { basename, parentPath } from "@/lib/client/paths";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { isViewable, viewKindOf, type ViewableEntry } from "./viewable";
import { setViewer, useViewerState } from "./viewer-store";

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/**
 * `items` in the order the listing shows them (the user's sort, without rows the filter hides), so
 * next/previous go where the eye expects. The shell keeps its sort and filter to itself, so this reads
 * the rows' `data-name`; without a table (or rows) it falls back to the shell's default, by name.
 */
function inListingOrder(items: ViewableEntry[]): ViewableEntry[] {
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="file-table"] tbody tr[data-name]');
  const rank = new Map<string, number>();
  rows.forEach((row, index) => rank.set(row.dataset.name ?? "", index));
  if (rank.size === 0) return [...items].sort((a, b) => byName.compare(a.name, b.name));
  return items.filter((item) => rank.has(item.name)).sort((a, b) => rank.get(a.name)! - rank.get(b.name)!);
}

// The dialog, CodeMirror and the media views load only when a file is first opened.
const ViewerDialog = lazy(() => import("./viewer-dialog"));

/** Renders the open viewer (nothing while none is open). Mount once, inside the browser's provider. */
export function ViewerHost() {
  const state = useViewerState();
  const { path, refresh } = useBrowser();
  // Going to another folder (the browser's Back, say) closes what belonged to the last one.
  const folder = useRef(path);
  useEffect(() => {
    if (folder.current === path) return;
    folder.current = path;
    setViewer(null);
  }, [path]);
  if (!state) return null;
  return (
    <Suspense fallback={null}>
      <ViewerDialog state={state} onIndex={(index) => setViewer({ ...state, index, edit: false })} onClose={() => setViewer(null)} onSaved={refresh} />
    </Suspense>
  );
}

/**
 * `(entry) => boolean`: opens a file of the current folder in the viewer (images, text and
 * code, PDF, audio, video) with next/previous through the folder's viewable files, and answers
 * true; answers false for anything else (the shell downloads it). `{ edit: true }` opens the
 * file straight in the editor, as does an empty text file (e.g. one just made by "New file").
 */
export function useOpenEntry(): (entry: RemoteEntry, options?: { edit?: boolean }) => boolean {
  const { path, entries } = useBrowser();
  return useCallback(
    (entry, options) => {
      if (!isViewable(entry) && !options?.edit) return false;
      // An empty text file (a new one, say) has nothing to view: it opens in the editor.
      const edit = options?.edit ?? (entry.size === 0 && viewKindOf(entry.name) === "text");
      const items = inListingOrder(entries.filter(isViewable));
      const index = items.findIndex((e) => e.name === entry.name);
      setViewer(index < 0 ? { dir: path, items: [entry], index: 0, edit } : { dir: path, items, index, edit });
      return true;
    },
    [path, entries],
  );
}

/**
 * `(path) => void`: opens any file in the editor, e.g. right after "New file" created it, or
 * for "Edit" on a file the viewer would not open by itself. A missing file opens empty and is
 * created by the first save.
 */
export function useOpenEditor(): (path: string) => void {
  return useCallback((path: string) => {
    const entry: ViewableEntry = { name: basename(path), type: "file", size: null };
    setViewer({ dir: parentPath(path), items: [entry], index: 0, edit: true });
  }, []);
}
