"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { basename, parentPath } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { useBrowser } from "./browser-context";
import { FileRow } from "./file-row";
import type { SortKey, SortOrder } from "./sort-entries";
import { useRowSelection } from "./use-row-selection";

const columns: Array<{ key: SortKey; label: string; className: string }> = [
  { key: "name", label: "browser.col.name", className: "" },
  { key: "size", label: "browser.col.size", className: "hidden sm:table-cell w-24 text-right" },
  { key: "modified", label: "browser.col.modified", className: "hidden sm:table-cell w-44" },
  { key: "permissions", label: "browser.col.permissions", className: "hidden lg:table-cell w-36" },
  { key: "owner", label: "browser.col.owner", className: "hidden lg:table-cell w-32" },
  { key: "target", label: "browser.col.target", className: "hidden xl:table-cell w-48" },
];

export interface FileTableProps {
  rows: RemoteEntry[];
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  onActivate: (entry: RemoteEntry) => void;
  onContextMenu: (entry: RemoteEntry, x: number, y: number) => void;
}

/** The listing as a keyboard-operable grid: arrows/Home/End move, Space toggles, Enter opens, Backspace/Alt+Up go up. */
export function FileTable({ rows, sort, onSort, onActivate, onContextMenu }: FileTableProps) {
  const t = useT();
  const { path, focused, setFocused, navigate } = useBrowser();
  const { selection, clickRow, toggle, moveTo, selectAll, clear } = useRowSelection(rows);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const keyboardMove = useRef(false);

  useEffect(() => {
    // Follow the cursor with DOM focus only after a keyboard move (a click already focuses).
    if (!keyboardMove.current || focused === null) return;
    keyboardMove.current = false;
    rowRefs.current.get(focused)?.focus();
  }, [focused]);

  // After moving to another folder the old rows are gone and focus fell to <body>: put the cursor
  // on the folder we came up from (as file managers do), else on the first row, so the keyboard keeps working.
  const previousPath = useRef(path);
  const firstName = rows[0]?.name;
  useEffect(() => {
    if (previousPath.current === path || firstName === undefined) return;
    const cameFrom = previousPath.current;
    previousPath.current = path;
    if (document.activeElement && document.activeElement !== document.body) return;
    const child = parentPath(cameFrom) === path ? basename(cameFrom) : null;
    const target = child !== null && rowRefs.current.has(child) ? child : firstName;
    keyboardMove.current = true;
    setFocused(target);
  }, [path, firstName, setFocused]);

  const allSelected = rows.length > 0 && rows.every((r) => selection.has(r.name));
  const cursor = rows.findIndex((r) => r.name === focused);

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest("input, textarea, select, [contenteditable=true]")) return;
    const go = (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!row) return;
      keyboardMove.current = true;
      moveTo(row.name, e);
    };
    const current = rows[cursor];
    if (e.key === "ArrowDown") go(cursor < 0 ? 0 : cursor + 1);
    else if (e.key === "ArrowUp" && e.altKey) navigate(parentPath(path));
    else if (e.key === "ArrowUp") go(cursor < 0 ? 0 : cursor - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(rows.length - 1);
    else if (e.key === "PageDown") go(cursor + 10);
    else if (e.key === "PageUp") go(cursor - 10);
    else if (e.key === "Enter" && current) onActivate(current);
    else if (e.key === " " && current) toggle(current.name);
    else if (e.key === "Backspace" && path !== "/") navigate(parentPath(path));
    else if (e.key.toLowerCase() === "a" && (e.ctrlKey || e.metaKey)) selectAll();
    else if (e.key === "Escape") clear();
    else if ((e.key === "ContextMenu" || (e.key === "F10" && e.shiftKey)) && current) {
      const rect = rowRefs.current.get(current.name)?.getBoundingClientRect();
      onContextMenu(current, (rect?.left ?? 0) + 24, rect?.bottom ?? 0);
    } else return;
    e.preventDefault();
  };

  return (
    <table role="grid" aria-multiselectable="true" aria-label={t("browser.table", { path })} className={`w-full table-fixed border-collapse text-sm ${rows.length ? "" : "hidden"}`} onKeyDown={onKeyDown} data-testid="file-table">
      <thead className="sticky top-0 z-10 bg-slate-100 text-left text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        <tr>
          <th scope="col" className="w-9 px-2 py-2">
            <input type="checkbox" aria-label={t("browser.selectAll")} checked={allSelected} onChange={() => (allSelected ? clear() : selectAll())} className="size-4 accent-blue-600" />
          </th>
          {columns.map((col) => (
            <th key={col.key} scope="col" aria-sort={sort.key === col.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-2 py-1 ${col.className}`}>
              <button type="button" onClick={() => onSort(col.key)} title={t("browser.sortBy", { column: t(col.label) })} className="inline-flex items-center gap-1 rounded px-1 py-1 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-700">
                {t(col.label)}
                <span aria-hidden className={sort.key === col.key ? "" : "invisible"}>
                  {sort.dir === "asc" ? "▲" : "▼"}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((entry, i) => (
          <FileRow
            key={entry.name}
            ref={(el) => {
              if (el) rowRefs.current.set(entry.name, el);
              else rowRefs.current.delete(entry.name);
            }}
            entry={entry}
            selected={selection.has(entry.name)}
            tabbable={focused === null ? i === 0 : focused === entry.name}
            onClick={(e) => clickRow(entry.name, e)}
            onToggle={() => toggle(entry.name)}
            onActivate={() => onActivate(entry)}
            onContextMenu={(x, y) => {
              if (!selection.has(entry.name)) clickRow(entry.name, { shiftKey: false, ctrlKey: false, metaKey: false });
              onContextMenu(entry, x, y);
            }}
          />
        ))}
      </tbody>
    </table>
  );
}
