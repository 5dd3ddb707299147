"use client";

import Link from "next/link";
import { buttonClass, Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/error-message";
import { useT } from "@/lib/i18n";
import { useBrowser } from "./browser-context";

/** Loading, error, empty and no-match states of the listing, in plain words. */
export function ListingState({ filter, shown }: { filter: string; shown: number }) {
  const t = useT();
  const { loading, error, entries, refresh, path } = useBrowser();
  const box = "flex flex-col items-center gap-3 px-4 py-12 text-center text-sm text-slate-600 dark:text-slate-400";
  if (error) {
    return (
      <div role="alert" className={box} data-testid="listing-error">
        <p className="text-base font-semibold text-red-800 dark:text-red-300">{t("browser.error.title")}</p>
        <p>{errorMessage(t, error)}</p>
        <div className="flex gap-2">
          <Button onClick={() => void refresh()}>{t("common.retry")}</Button>
          {path !== "/" ? (
            <Link href="/files" className={buttonClass("ghost")}>
              {t("browser.error.goHome")}
            </Link>
          ) : null}
        </div>
      </div>
    );
  }
  if (loading && entries.length === 0) {
    return (
      <p role="status" className={box} data-testid="listing-loading">
        <span aria-hidden className="size-5 animate-spin rounded-full border-2 border-slate-300 border-t-blue-600" />
        {t("browser.loading")}
      </p>
    );
  }
  if (entries.length === 0) {
    return (
      <p role="status" className={box} data-testid="listing-empty">
        {t("browser.empty")}
      </p>
    );
  }
  if (shown === 0 && filter.trim()) {
    return (
      <p role="status" className={box}>
        {t("browser.filter.noMatch", { filter: filter.trim() })}
      </p>
    );
  }
  return null;
}
