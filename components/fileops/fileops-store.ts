"use client";
// State shared by the toolbar, the context menu and the shortcuts, which the shell renders apart:
// the open dialog and the cut/copy clipboard. One store per tab; the server renders the empty state.
import { useSyncExternalStore } from "react";
import type { RemoteEntry } from "@/lib/schemas/entry";
import type { ClipboardContent, TransferPlan } from "./paste-plan";

/** Entries with their absolute paths: what a dialog acts on. */
export interface Target {
  path: string;
  entry: RemoteEntry;
}

export type DialogState =
  | { kind: "create"; what: "folder" | "file"; dir: string; taken: string[] }
  | { kind: "move"; targets: Target[]; dir: string }
  | { kind: "delete"; targets: Target[] }
  | { kind: "chmod"; targets: Target[] }
  | { kind: "properties"; target: Target }
  | { kind: "search"; dir: string }
  | { kind: "extract"; target: Target; dir: string }
  /** A move or copy (paste, drop, "move to") running with progress. */
  | { kind: "transfer"; plan: Extract<TransferPlan, { op: "move" | "copy" }>; clearClipboard: boolean };

interface State {
  dialog: DialogState | null;
  clipboard: ClipboardContent | null;
  /** An entry to select once the browser shows its folder (a search hit opened elsewhere). */
  reveal: { dir: string; name: string } | null;
}

let state: State = { dialog: null, clipboard: null, reveal: null };
const listeners = new Set<() => void>();
const serverState: State = { dialog: null, clipboard: null, reveal: null };

function update(patch: Partial<State>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFileOpsState(): State {
  return useSyncExternalStore(subscribe, () => state, () => serverState);
}

/** What had the focus when the first dialog opened; FileOpsDialogs gives it back when the last one closes. */
let opener: Element | null = null;

export function openDialog(dialog: DialogState): void {
  // Taken now, before the dialog exists: once it is shown, the focus is inside it.
  if (!state.dialog && typeof document !== "undefined") opener = document.activeElement;
  update({ dialog });
}

/** The element to focus again after the dialogs closed (once). */
export function takeOpener(): Element | null {
  const element = opener;
  opener = null;
  return element;
}
export const closeDialog = () => update({ dialog: null });
export const setClipboard = (clipboard: ClipboardContent | null) => update({ clipboard });
export const getClipboard = () => state.clipboard;
export const revealAfterNavigation = (dir: string, name: string) => update({ reveal: { dir, name } });
export const clearReveal = () => update({ reveal: null });
