"use client";

import { useEffect, useState } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { Button } from "@/components/ui/button";
import { humanSize } from "@/components/browser/format-entry";
import { timeLeft } from "@/lib/client/transfers/format-transfer";
import { totalsOf } from "@/lib/client/transfers/upload-item";
import { uploadQueue } from "@/lib/client/transfers/upload-queue-instance";
import { useLocale, useT } from "@/lib/i18n";
import { ConflictDialog } from "./ConflictDialog";
import { DropHint } from "./DropHint";
import { InterruptedUploads, useInterruptedUploads } from "./InterruptedUploads";
import { ChevronIcon, CloseIcon } from "./icons";
import { TransferRow } from "./TransferRow";
import { useRefreshAfterUpload } from "./use-refresh-after-upload";
import { useUploadItems } from "./use-upload-queue";

/**
 * The upload panel, docked at the bottom (full width on a phone, a card on the left on wider
 * screens, clear of the toasts on the right): overall progress in its header, one row per
 * file below; collapsible. Also hosts the conflict question, the drop highlight, the
 * listing refresh after uploads, and the "leave the page?" guard while files are uploading.
 */
export function TransferPanel(): React.ReactNode {
  const t = useT();
  const { locale } = useLocale();
  const { path, refresh } = useBrowser();
  const items = useUploadItems();
  const [open, setOpen] = useState(true);
  useRefreshAfterUpload(path, refresh);
  const interrupted = useInterruptedUploads(items);

  const totals = totalsOf(items);
  const uploading = items.some((item) => item.status === "uploading" || item.status === "queued");
  useEffect(() => {
    if (!uploading) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [uploading]);

  const conflicts = items.filter((item) => item.status === "conflict");
  const conflict = conflicts[0];
  const percent = totals.totalBytes > 0 ? Math.floor((totals.loadedBytes / totals.totalBytes) * 100) : totals.active ? 0 : 100;
  const counted = totals.files - items.filter((i) => i.status === "skipped" || i.status === "cancelled").length;
  const bytes = (n: number) => humanSize(n, locale);

  const figures: string[] = [];
  if (totals.active > 0) {
    figures.push(t("transfers.progress", { loaded: bytes(totals.loadedBytes), total: bytes(totals.totalBytes) }));
    if (totals.speed > 0) figures.push(t("transfers.speed", { speed: bytes(totals.speed) }));
    if (totals.secondsLeft !== null) {
      const left = timeLeft(totals.secondsLeft);
      figures.push(t(left.key, left.vars));
    }
  }
  if (totals.failed) figures.push(t("transfers.panel.failedCount", { count: totals.failed }));
  if (conflicts.length) figures.push(t("transfers.panel.waitingCount", { count: conflicts.length }));

  return (
    <>
      <DropHint path={path} />
      {conflict ? <ConflictDialog key={conflict.id} item={conflict} others={conflicts.length - 1} /> : null}
      {items.length === 0 && interrupted.uploads.length === 0 ? null : (
        <section
          aria-label={t("transfers.panel.label")}
          data-testid="transfer-panel"
          className="fixed inset-x-0 bottom-0 z-30 flex max-h-[70vh] flex-col border-t border-slate-300 bg-white text-slate-900 shadow-2xl sm:inset-x-auto sm:bottom-10 sm:left-4 sm:w-[30rem] sm:rounded-lg sm:border dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        >
          {items.length > 0 ? (
            <header className="flex flex-col gap-1.5 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
              <div className="flex items-center gap-2">
                <h2 className="min-w-0 flex-1 truncate text-sm font-semibold" role="status" data-testid="transfer-summary">
                  {items.some((item) => item.status === "queued" || item.status === "uploading" || item.status === "extracting")
                    ? t("transfers.panel.summary", { done: totals.done, count: counted })
                    : t("transfers.panel.summary.finished", { done: totals.done, count: counted })}
                </h2>
                {totals.active > 0 ? (
                  <Button variant="ghost" className="px-2! py-1! text-xs" onClick={() => uploadQueue().cancelAll()}>
                    {t("transfers.cancelAll")}
                  </Button>
                ) : null}
                {totals.active > 0 && totals.files > totals.active ? (
                  <Button variant="ghost" className="px-2! py-1! text-xs" onClick={() => uploadQueue().clearFinished()}>
                    {t("transfers.clearFinished")}
                  </Button>
                ) : null}
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls="transfer-list"
                  aria-label={open ? t("transfers.panel.hide") : t("transfers.panel.show")}
                  title={open ? t("transfers.panel.hide") : t("transfers.panel.show")}
                  onClick={() => setOpen(!open)}
                  className="inline-flex size-8 items-center justify-center rounded-md hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-700"
                >
                  <ChevronIcon up={!open} />
                </button>
                {totals.active === 0 ? (
                  <button
                    type="button"
                    aria-label={t("transfers.panel.close")}
                    title={t("transfers.panel.close")}
                    onClick={() => uploadQueue().clearFinished(true)}
                    className="inline-flex size-8 items-center justify-center rounded-md hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-700"
                    data-testid="transfer-panel-close"
                  >
                    <CloseIcon />
                  </button>
                ) : null}
              </div>
              <div
                role="progressbar"
                aria-label={t("transfers.panel.overall")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
              >
                <div
                  className={`h-full rounded-full transition-[width] duration-200 ${totals.active === 0 && totals.failed === 0 ? "bg-emerald-600 dark:bg-emerald-400" : "bg-blue-600 dark:bg-blue-400"}`}
                  style={{ width: `${percent}%` }}
                />
              </div>
              {figures.length ? <p className="text-xs tabular-nums text-slate-600 dark:text-slate-400">{figures.join(" · ")}</p> : null}
            </header>
          ) : null}
          {open && items.length > 0 ? (
            <ul id="transfer-list" className="max-h-[40vh] min-h-0 flex-1 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-700">
              {items.map((item) => (
                <TransferRow key={item.id} item={item} />
              ))}
            </ul>
          ) : null}
          {interrupted.uploads.length ? <InterruptedUploads uploads={interrupted.uploads} forget={interrupted.forget} /> : null}
        </section>
      )}
    </>
  );
}
