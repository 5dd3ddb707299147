"use client";

import Link from "next/link";
import type { MouseEvent, Ref } from "react";
import { useFileOpsState } from "@/components/fileops/fileops-store";
import { InlineRename } from "@/components/fileops/InlineRename";
import { downloadHref, filesHref } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { useBrowser } from "./browser-context";
import { ferryPathsType, useDropTarget } from "./drop-targets";
import { EntryIcon } from "./entry-icon";
import { ModifiedText, OwnerText, PermissionsText, SizeText } from "./entry-cells";

export interface FileRowProps {
  ref: Ref<HTMLTableRowElement>;
  entry: RemoteEntry;
  selected: boolean;
  /** The row that Tab lands on (roving tabindex). */
  tabbable: boolean;
  onClick: (e: MouseEvent) => void;
  onToggle: () => void;
  onActivate: () => void;
  onContextMenu: (x: number, y: number) => void;
}

const hasModifier = (e: MouseEvent) => e.shiftKey || e.ctrlKey || e.metaKey || e.altKey;

/** One listing row: a click selects, a click on the name or a double-click opens, rows drag onto folders. */
export function FileRow({ ref, entry, selected, tabbable, onClick, onToggle, onActivate, onContextMenu }: FileRowProps) {
  const t = useT();
  const { selection, renaming, entryPath } = useBrowser();
  const { isOver, dropProps } = useDropTarget(entry.type === "dir" ? entryPath(entry) : null);
  const full = entryPath(entry);
  // A cut entry looks faded until it is pasted elsewhere, as in a desktop file manager.
  const { clipboard } = useFileOpsState();
  const cut = clipboard?.mode === "cut" && clipboard.paths.includes(full);

  const openFromName = (e: MouseEvent) => {
    // Modified clicks select (handled by the row); a plain click opens here instead of following the href.
    e.preventDefault();
    if (!hasModifier(e) && e.detail <= 1) onActivate();
  };

  const nameClass = "min-w-0 truncate rounded hover:underline focus-visible:outline-2 focus-visible:outline-blue-500";
  const name =
    renaming === entry.name ? (
      <InlineRename entry={entry} />
    ) : entry.type === "dir" ? (
      <Link href={filesHref(full)} onClick={openFromName} className={nameClass} tabIndex={-1} data-testid="entry-name">
        {entry.name}
      </Link>
    ) : (
      <a href={entry.type === "file" ? downloadHref(full) : undefined} onClick={openFromName} className={`${nameClass} cursor-pointer`} tabIndex={-1} data-testid="entry-name">
        {entry.name}
      </a>
    );

  return (
    <tr
      ref={ref}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-name={entry.name}
      data-type={entry.type}
      data-cut={cut || undefined}
      draggable={renaming !== entry.name}
      onClick={onClick}
      onDoubleClick={(e) => {
        if (!(e.target as HTMLElement).closest("a, input, button")) onActivate();
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        onContextMenu(e.clientX, e.clientY);
      }}
      onDragStart={(e) => {
        const names = selection.has(entry.name) ? [...selection] : [entry.name];
        e.dataTransfer.setData(ferryPathsType, JSON.stringify(names.map((n) => entryPath(n))));
        e.dataTransfer.setData("text/plain", names.join("\n"));
        e.dataTransfer.effectAllowed = "copyMove";
      }}
      {...dropProps}
      className={`cursor-default border-b border-slate-100 select-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-500 dark:border-slate-800 ${
        selected ? "bg-blue-100 dark:bg-blue-900/60" : "hover:bg-slate-100 dark:hover:bg-slate-800/70"
      } ${isOver ? "ring-2 ring-blue-500 ring-inset" : ""} ${cut ? "opacity-50" : ""}`}
    >
      <td role="gridcell" className="px-2 py-1.5">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t("browser.selectRow", { name: entry.name })}
          checked={selected}
          onClick={(e) => e.stopPropagation()}
          onChange={onToggle}
          className="size-4 accent-blue-600"
        />
      </td>
      <td role="gridcell" className="px-2 py-1.5">
        <div className="flex min-w-0 items-center gap-2">
          <EntryIcon type={entry.type} label={t(`browser.type.${entry.type}`)} />
          <div className="flex min-w-0 flex-col">
            {name}
            {entry.type === "link" && entry.target ? <span className="truncate text-xs text-slate-500 xl:hidden dark:text-slate-400">→ {entry.target}</span> : null}
            <span className="flex gap-2 text-xs text-slate-500 sm:hidden dark:text-slate-400">
              <SizeText entry={entry} />
              <ModifiedText entry={entry} />
            </span>
          </div>
        </div>
      </td>
      <td role="gridcell" className="hidden px-2 py-1.5 text-right whitespace-nowrap tabular-nums sm:table-cell">
        <SizeText entry={entry} />
      </td>
      <td role="gridcell" className="hidden truncate px-2 py-1.5 whitespace-nowrap sm:table-cell">
        <ModifiedText entry={entry} />
      </td>
      <td role="gridcell" className="hidden px-2 py-1.5 lg:table-cell">
        <PermissionsText entry={entry} />
      </td>
      <td role="gridcell" className="hidden truncate px-2 py-1.5 lg:table-cell">
        <OwnerText entry={entry} />
      </td>
      <td role="gridcell" className="hidden truncate px-2 py-1.5 xl:table-cell" title={entry.target ?? undefined}>
        {entry.target ?? ""}
      </td>
    </tr>
  );
}
