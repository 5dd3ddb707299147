// What the viewer shows, held outside React so useOpenEntry() (called by the listing) and
// <ViewerHost> (mounted once by the shell) share it wherever each sits in the tree.
import { useSyncExternalStore } from "react";
import type { ViewableEntry } from "./viewable";

export interface ViewerState {
  /** The folder the files are in. */
  dir: string;
  /** The folder's viewable files in listing order: next/previous walk through them. */
  items: ViewableEntry[];
  index: number;
  /** Open text in the editor (true) or read-only (false). */
  edit: boolean;
}

let current: ViewerState | null = null;
const listeners = new Set<() => void>();

export function setViewer(next: ViewerState | null): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The open viewer, or null when closed. */
export function useViewerState(): ViewerState | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
