"use client";

import { useCallback, useRef, type MouseEvent } from "react";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { useBrowser } from "./browser-context";

/**
 * File-manager selection over the visible rows: click selects one, Ctrl/Cmd+click toggles,
 * Shift+click selects the range from the last clicked row (adding to the selection with Ctrl/Cmd).
 */
export function useRowSelection(rows: RemoteEntry[]) {
  const { selection, setSelection, setFocused } = useBrowser();
  const anchor = useRef<string | null>(null);

  const rangeTo = useCallback(
    (name: string, keep: boolean) => {
      const names = rows.map((r) => r.name);
      const from = anchor.current && names.includes(anchor.current) ? names.indexOf(anchor.current) : names.indexOf(name);
      const to = names.indexOf(name);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      const next = new Set(keep ? selection : []);
      for (const n of names.slice(lo, hi + 1)) next.add(n);
      setSelection(next);
    },
    [rows, selection, setSelection],
  );

  const clickRow = useCallback(
    (name: string, e: Pick<MouseEvent, "shiftKey" | "ctrlKey" | "metaKey">) => {
      setFocused(name);
      if (e.shiftKey) return rangeTo(name, e.ctrlKey || e.metaKey);
      anchor.current = name;
      if (e.ctrlKey || e.metaKey) return toggle(name);
      setSelection(new Set([name]));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- toggle is defined below from the same inputs
    [rangeTo, setFocused, setSelection, selection],
  );

  function toggle(name: string) {
    const next = new Set(selection);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setSelection(next);
  }

  /** Keyboard cursor moved to `name`: with Shift extend the range, with Ctrl only move, else select it alone. */
  const moveTo = (name: string, e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => {
    setFocused(name);
    if (e.shiftKey) return rangeTo(name, false);
    if (e.ctrlKey || e.metaKey) return;
    anchor.current = name;
    setSelection(new Set([name]));
  };

  const selectAll = () => setSelection(new Set(rows.map((r) => r.name)));
  const clear = () => setSelection(new Set());

  return { selection, clickRow, toggle, moveTo, selectAll, clear };
}
