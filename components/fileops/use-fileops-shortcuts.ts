"use client";
// Keyboard shortcuts of the file operations (table in shortcut-for.ts). Keys typed into a field,
// pressed while a dialog is open, or Ctrl+C with page text selected are left to the browser.
import { useEffect, useRef } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { getClipboard } from "./fileops-store";
import { shortcutFor } from "./shortcut-for";
import { useFileOpsActions, type FileOpsActions } from "./use-fileops-actions";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const textInput = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset])";
  return target.isContentEditable || target.closest(`${textInput}, textarea, select, .cm-editor`) !== null;
}

export function useFileOpsShortcuts(): void {
  const actions = useFileOpsActions();
  const { refresh } = useBrowser();
  const latest = useRef<{ actions: FileOpsActions; refresh: () => Promise<void> }>({ actions, refresh });
  useEffect(() => {
    latest.current = { actions, refresh };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      // A modal dialog or a menu has the keyboard (the viewer's too).
      if (document.querySelector("dialog[open], [role=menu]")) return;
      const action = shortcutFor(event);
      if (!action) return;
      const selected = window.getSelection();
      if ((action === "copy" || action === "cut") && selected && !selected.isCollapsed && selected.toString().trim() !== "") return;
      // With nothing of ours to cut, copy or paste, the keys keep their usual meaning (text, other handlers).
      if ((action === "copy" || action === "cut") && latest.current.actions.targetsFor().length === 0) return;
      if (action === "paste" && !getClipboard()) return;
      event.preventDefault();
      // The table opens the row on any Enter: Alt+Enter (properties) must not reach it.
      if (action === "properties") event.stopPropagation();
      const { actions: a, refresh: reload } = latest.current;
      switch (action) {
        case "rename":
          return a.rename();
        case "delete":
          return a.remove();
        case "cut":
          return a.cut();
        case "copy":
          return a.copy();
        case "paste":
          return a.paste();
        case "newFolder":
          return a.newFolder();
        case "refresh":
          return void reload();
        case "properties":
          return a.properties();
        case "search":
          return a.search();
      }
    };
    // Capture phase: runs before React's handlers on the page (the table's own keys among them).
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, []);
}
