"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { EntryContextMenu } from "@/components/fileops/EntryContextMenu";
import { FileOpsToolbar } from "@/components/fileops/FileOpsToolbar";
import { useFileOpsShortcuts } from "@/components/fileops/use-fileops-shortcuts";
import { TransferControls } from "@/components/transfers/TransferControls";
import { TransferPanel } from "@/components/transfers/TransferPanel";
import { ViewerHost } from "@/components/viewer/open-entry";
import { basename, parentPath } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { BrowserHeader } from "./browser-header";
import { Breadcrumbs } from "./breadcrumbs";
import { useBrowser } from "./browser-context";
import { DropHandlersProvider, useDropTarget } from "./drop-targets";
import { FileTable } from "./file-table";
import { FilterBox } from "./filter-box";
import { ListingState } from "./listing-states";
import { filterEntries, sortEntries, type SortKey, type SortOrder } from "./sort-entries";
import { useActivateEntry } from "./use-activate-entry";

/** The whole browser page inside <BrowserProvider>: header, path bar, toolbars, listing, panels. */
export function FilesView() {
  return (
    <DropHandlersProvider>
      <FilesLayout />
    </DropHandlersProvider>
  );
}

function FilesLayout() {
  const t = useT();
  const { path, entries, encodingHint, loading, selection, setSelection, navigate, session } = useBrowser();
  const [sort, setSort] = useState<SortOrder>({ key: "name", dir: "asc" });
  const [filter, setFilter] = useState("");
  const [menu, setMenu] = useState<{ entry: RemoteEntry; x: number; y: number } | null>(null);
  const activate = useActivateEntry();
  const closeMenu = useCallback(() => setMenu(null), []);
  const { isOver, dropProps } = useDropTarget(path);
  useFileOpsShortcuts();

  // The tab title names the folder, so history entries and bookmarks are told apart.
  useEffect(() => {
    document.title = `${path === "/" ? "/" : basename(path)}${session ? ` – ${session.host}` : ""} – Ferry`;
  }, [path, session]);

  const rows = useMemo(() => sortEntries(filterEntries(entries, filter), sort), [entries, filter, sort]);
  const onSort = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === "asc" ? "desc" : "asc" }));

  return (
    <div className="flex min-h-dvh flex-col">
      <BrowserHeader />
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
        <button
          type="button"
          onClick={() => navigate(parentPath(path))}
          disabled={path === "/"}
          aria-label={t("browser.up")}
          title={t("browser.up")}
          className="rounded px-2 py-1 text-base hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-40 dark:hover:bg-slate-700"
        >
          ↑
        </button>
        <Breadcrumbs path={path} />
      </div>
      <div className="flex flex-wrap items-center gap-2 px-3 py-2 sm:px-4">
        <FilterBox value={filter} onChange={setFilter} />
        <FileOpsToolbar />
        <TransferControls />
      </div>
      {encodingHint ? (
        <div role="status" data-testid="encoding-hint" className="mx-3 mb-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 sm:mx-4 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          <p className="font-semibold">{t("browser.encodingHint.title")}</p>
          <p title={encodingHint}>{t("browser.encodingHint.body")}</p>
        </div>
      ) : null}
      <main
        {...dropProps}
        onClick={(e) => {
          // A click on the empty space below the rows clears the selection, as in desktop file managers.
          if (e.target === e.currentTarget && selection.size > 0) setSelection(new Set());
        }}
        aria-busy={loading}
        className={`mx-3 mb-3 flex-1 overflow-x-auto rounded-md border bg-white sm:mx-4 dark:bg-slate-900 ${isOver ? "border-blue-500 ring-2 ring-blue-500" : "border-slate-200 dark:border-slate-800"}`}
      >
        {loading && entries.length > 0 ? <div aria-hidden className="h-0.5 animate-pulse bg-blue-500" /> : null}
        {/* Always mounted (hidden when there are no rows), so it remembers which folder the user came from. */}
        <FileTable rows={rows} sort={sort} onSort={onSort} onActivate={activate} onContextMenu={(entry, x, y) => setMenu({ entry, x, y })} />
        <ListingState filter={filter} shown={rows.length} />
      </main>
      <footer className="px-3 pb-2 text-xs text-slate-600 sm:px-4 dark:text-slate-400" aria-live="polite" data-testid="status-bar">
        {t("browser.items", { count: entries.length })}
        {selection.size > 0 ? ` · ${t("browser.selected", { count: selection.size })}` : ""}
      </footer>
      <TransferPanel />
      <ViewerHost />
      {menu ? <EntryContextMenu entry={menu.entry} x={menu.x} y={menu.y} onClose={closeMenu} /> : null}
    </div>
  );
}
