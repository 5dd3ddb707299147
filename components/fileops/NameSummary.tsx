"use client";
// The names a dialog acts on: all of them up to a few, then "and N more"; folders say so.
import { EntryIcon } from "@/components/browser/entry-icon";
import { useT } from "@/lib/i18n";
import type { Target } from "./fileops-store";
import { listBoxClass } from "./styles";

export function NameSummary({ targets, limit = 8, folderNote }: { targets: Target[]; limit?: number; folderNote?: string }) {
  const t = useT();
  return (
    <ul className={`${listBoxClass} divide-y divide-slate-200 text-sm dark:divide-slate-700`} aria-label={t("fileops.list.items", { count: targets.length })}>
      {targets.slice(0, limit).map(({ path, entry }) => (
        <li key={path} className="flex items-center gap-2 px-2 py-1">
          <EntryIcon type={entry.type} label={t(`fileops.type.${entry.type}`)} />
          <span className="min-w-0 flex-1 break-all">{entry.name}</span>
          {entry.type === "dir" && folderNote ? <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{folderNote}</span> : null}
        </li>
      ))}
      {targets.length > limit ? <li className="px-2 py-1 text-slate-600 dark:text-slate-400">{t("fileops.list.more", { count: targets.length - limit })}</li> : null}
    </ul>
  );
}
