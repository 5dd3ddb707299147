"use client";
// Live progress of a batch (count and the item now being done), then its summary and failures.
import { basename } from "@/lib/client/paths";
import { humanSize } from "@/components/browser/format-entry";
import { useLocale, useT } from "@/lib/i18n";
import { errorText } from "./error-text";
import { FailureList } from "./FailureList";
import { errorTextClass, mutedTextClass } from "./styles";
import type { BatchProgress } from "./use-batch-run";

/**
 * `doneKey` is a message taking {count}, e.g. "fileops.delete.progress" ("{count} deleted");
 * `summary` replaces that line once the run is over. `asNamed` goes to the failure list.
 */
export function BatchStatus({ progress, doneKey, summary, asNamed }: { progress: BatchProgress; doneKey: string; summary?: string; asNamed?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  if (progress.phase === "idle") return null;
  if (progress.phase === "failed") {
    return (
      <p role="alert" className={errorTextClass}>
        {errorText(t, progress.error)}
      </p>
    );
  }
  const stopped = progress.outcome?.stopped;
  // "0 copied" above a list of failures says nothing: the list speaks.
  const showCount = Boolean(summary) || progress.done > 0 || progress.failed.length === 0;
  return (
    <div className="flex flex-col gap-2">
      <div role="status" aria-live="polite" className="flex flex-col gap-1">
        {showCount ? (
          <p className={summary && progress.phase === "finished" ? "text-sm font-medium" : "text-sm"}>
            {summary && progress.phase === "finished" ? summary : t(doneKey, { count: progress.done })}
            {progress.bytes > 0 ? ` · ${t("fileops.copy.bytes", { size: humanSize(progress.bytes, locale) })}` : null}
            {progress.phase === "running" ? ` · ${t("fileops.progress.working")}` : null}
          </p>
        ) : null}
        {progress.phase === "running" ? (
          <>
            <div className="h-1.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
              <div className="h-full w-1/3 animate-pulse rounded bg-blue-600 dark:bg-blue-400" />
            </div>
            {progress.current ? <p className={`${mutedTextClass} truncate`}>{t("fileops.progress.current", { name: basename(progress.current) })}</p> : null}
          </>
        ) : null}
        {stopped ? <p className="text-sm text-amber-700 dark:text-amber-300">{t(`fileops.stopped.${stopped}`)}</p> : null}
      </div>
      <FailureList failed={progress.failed} asNamed={asNamed} />
    </div>
  );
}
