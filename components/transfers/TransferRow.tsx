"use client";

import { memo } from "react";
import { humanSize } from "@/components/browser/format-entry";
import { timeLeft } from "@/lib/client/transfers/format-transfer";
import type { UploadItem } from "@/lib/client/transfers/upload-item";
import { uploadQueue } from "@/lib/client/transfers/upload-queue-instance";
import { errorMessage } from "@/lib/client/error-message";
import { ApiError } from "@/lib/client/api";
import { useLocale, useT, type Translate } from "@/lib/i18n";
import { CloseIcon, RetryIcon } from "./icons";

const barClass: Record<UploadItem["status"], string> = {
  queued: "bg-slate-400",
  uploading: "bg-blue-600 dark:bg-blue-400",
  conflict: "bg-amber-500",
  extracting: "bg-blue-600 dark:bg-blue-400 animate-pulse",
  done: "bg-emerald-600 dark:bg-emerald-400",
  skipped: "bg-slate-400",
  failed: "bg-red-600 dark:bg-red-400",
  cancelled: "bg-slate-400",
};

function reason(t: Translate, item: UploadItem): string {
  return item.error ? errorMessage(t, new ApiError(0, item.error.code, item.error.message)) : "";
}

/** The line under the bar: bytes, speed and time left while uploading; otherwise what happened. */
function detail(t: Translate, locale: string, item: UploadItem): string {
  const bytes = (n: number) => humanSize(n, locale);
  switch (item.status) {
    case "uploading": {
      const parts = [t("transfers.progress", { loaded: bytes(item.loaded), total: bytes(item.size) })];
      if (item.speed > 0) parts.push(t("transfers.speed", { speed: bytes(item.speed) }));
      if (item.secondsLeft !== null) {
        const left = timeLeft(item.secondsLeft);
        parts.push(t(left.key, left.vars));
      }
      return parts.join(" · ");
    }
    case "done":
      if (item.extracted) return t("transfers.status.extracted", { count: item.extracted.done });
      if (item.error) return t("transfers.status.extractFailed", { message: reason(t, item) });
      return `${t("transfers.status.done")} · ${bytes(item.size)}`;
    case "failed":
      return t("transfers.status.failed", { message: reason(t, item) });
    case "queued":
      return item.loaded > 0 ? `${t("transfers.status.queued")} · ${t("transfers.progress", { loaded: bytes(item.loaded), total: bytes(item.size) })}` : `${t("transfers.status.queued")} · ${bytes(item.size)}`;
    default:
      return t(`transfers.status.${item.status}`);
  }
}

const iconButton =
  "inline-flex size-8 shrink-0 items-center justify-center rounded-md text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-slate-300 dark:hover:bg-slate-700";

/** One file of the queue: name, bar, figures, and cancel or retry. */
export const TransferRow = memo(function TransferRow({ item }: { item: UploadItem }) {
  const t = useT();
  const { locale } = useLocale();
  const percent = item.size > 0 ? Math.floor((item.loaded / item.size) * 100) : item.status === "done" ? 100 : 0;
  const shown = item.status === "done" || item.status === "extracting" ? 100 : percent;
  const canCancel = ["queued", "uploading", "conflict", "extracting"].includes(item.status);
  const canRetry = item.status === "failed" || item.status === "cancelled";
  const renamed = item.targetName !== item.displayPath.split("/").pop();
  return (
    <li className="flex items-start gap-2 px-3 py-2" data-status={item.status} data-testid="transfer-row">
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className="truncate text-sm font-medium" title={`${item.dir}/${item.displayPath}`}>
            {item.displayPath}
          </span>
          {renamed ? <span className="shrink-0 truncate text-xs text-slate-500 dark:text-slate-400">{t("transfers.renamedTo", { name: item.targetName })}</span> : null}
          {item.chunked ? (
            <span className="ml-auto hidden shrink-0 rounded bg-slate-200 px-1.5 text-[11px] text-slate-700 sm:inline dark:bg-slate-700 dark:text-slate-200" title={t("transfers.resumable.title")}>
              {t("transfers.resumable")}
            </span>
          ) : null}
        </div>
        <div
          role="progressbar"
          aria-label={item.displayPath}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={shown}
          className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div className={`h-full rounded-full transition-[width] duration-200 ${barClass[item.status]}`} style={{ width: `${shown}%` }} />
        </div>
        <p className={`mt-1 text-xs tabular-nums ${item.status === "failed" || item.error ? "text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`} data-testid="transfer-detail">
          {detail(t, locale, item)}
        </p>
      </div>
      {canRetry ? (
        <button type="button" className={iconButton} aria-label={t("transfers.retry", { name: item.displayPath })} title={t("transfers.retryShort")} onClick={() => uploadQueue().retry(item.id)}>
          <RetryIcon />
        </button>
      ) : null}
      {canCancel ? (
        <button type="button" className={iconButton} aria-label={t("transfers.cancel", { name: item.displayPath })} title={t("transfers.cancel", { name: item.displayPath })} onClick={() => uploadQueue().cancel(item.id)}>
          <CloseIcon />
        </button>
      ) : null}
    </li>
  );
});
