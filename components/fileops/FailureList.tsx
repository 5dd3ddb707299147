"use client";
// The items a batch could not do, each with its reason in words.
import { basename } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import { errorSentence } from "./error-text";
import type { FailedItem } from "./fileops-api";
import { listBoxClass } from "./styles";

/**
 * `asNamed`: show each path as the server gave it (zip entry names such as "../x", where the
 * folder part is the point) and the server's own reason (it says which rule refused the entry).
 */
export function FailureList({ failed, limit = 200, asNamed = false }: { failed: FailedItem[]; limit?: number; asNamed?: boolean }) {
  const t = useT();
  if (failed.length === 0) return null;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm font-medium text-red-700 dark:text-red-300">{t("fileops.failures.title", { count: failed.length })}</p>
      <ul className={`${listBoxClass} divide-y divide-slate-200 text-sm dark:divide-slate-700`} aria-label={t("fileops.failures.title", { count: failed.length })}>
        {failed.slice(0, limit).map((item, i) => (
          <li key={`${item.path}-${i}`} className="px-2 py-1.5">
            <span className="font-medium break-all" title={item.path}>
              {asNamed ? item.path : basename(item.path) || item.path}
            </span>
            <span className="block text-slate-600 dark:text-slate-400">{asNamed ? item.error.message : errorSentence(t, item.error.code, item.error.message)}</span>
          </li>
        ))}
        {failed.length > limit ? <li className="px-2 py-1.5 text-slate-600 dark:text-slate-400">{t("fileops.list.more", { count: failed.length - limit })}</li> : null}
      </ul>
    </div>
  );
}
