"use client";
// Properties of one entry (asked fresh of the server: MDTM/SIZE fill what the listing lacks) and,
// for a folder, "Calculate size": recursive, bounded by the server, cancellable, partial totals said so.
import { useEffect, useRef, useState } from "react";
import { humanSize } from "@/components/browser/format-entry";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useLocale, useT } from "@/lib/i18n";
import type { FolderSize } from "@/lib/schemas/file-operations";
import { errorText } from "./error-text";
import { folderSize, statEntry, type StatResult } from "./fileops-api";
import type { Target } from "./fileops-store";
import { formatCount, formatDateTime } from "./format";
import { formatOctal, modeOfEntry, toRwx } from "./permissions";
import { errorTextClass, mutedTextClass } from "./styles";

type SizeState = { phase: "idle" } | { phase: "running" } | { phase: "done"; size: FolderSize } | { phase: "cancelled" } | { phase: "error"; message: string };

export function PropertiesDialog({ target, onClose }: { target: Target; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [stat, setStat] = useState<StatResult | null>(null);
  const [statError, setStatError] = useState<string | null>(null);
  const [size, setSize] = useState<SizeState>({ phase: "idle" });
  const sizeAbort = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // The root folder has no listing row to stat: show what we know.
    if (target.path === "/") return;
    statEntry(target.path, controller.signal).then(setStat, (err) => !controller.signal.aborted && setStatError(errorText(t, err)));
    return () => controller.abort();
  }, [target.path, t]);
  useEffect(() => () => sizeAbort.current?.abort(), []);

  const entry = stat?.entry ?? target.entry;
  const isFolder = entry.type === "dir" || (entry.type === "link" && stat?.targetType === "dir");
  const mode = modeOfEntry(entry.permissions);

  const calculate = async () => {
    const controller = new AbortController();
    sizeAbort.current = controller;
    setSize({ phase: "running" });
    try {
      setSize({ phase: "done", size: await folderSize(target.path, controller.signal) });
    } catch (err) {
      setSize(controller.signal.aborted ? { phase: "cancelled" } : { phase: "error", message: errorText(t, err) });
    }
  };

  const rows: Array<[string, string | null]> = [
    [t("fileops.props.path"), target.path],
    [t("fileops.props.type"), t(`fileops.type.${entry.type}`)],
    [t("fileops.props.size"), entry.type === "file" && entry.size !== null ? `${humanSize(entry.size, locale)} (${t("common.bytes", { count: entry.size, n: formatCount(entry.size, locale) })})` : null],
    [t("fileops.props.modified"), formatDateTime(entry.modifiedAt, locale) ?? entry.rawModifiedAt],
    [t("fileops.props.permissions"), mode !== null ? `${formatOctal(mode)} (${toRwx(mode)})` : entry.permissions],
    [t("fileops.props.owner"), entry.owner],
    [t("fileops.props.group"), entry.group],
    [t("fileops.props.target"), entry.type === "link" ? `${entry.target ?? "?"}${stat?.targetType === null ? ` (${t("fileops.props.dangling")})` : ""}` : null],
  ];

  return (
    <Dialog title={t("fileops.props.title", { name: entry.name })} onClose={onClose} footer={<Button variant="primary" onClick={onClose} autoFocus>{t("fileops.close")}</Button>}>
      <div className="flex flex-col gap-3">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
          {rows
            .filter(([, value]) => value !== null && value !== "")
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
                <dd className="min-w-0 break-all">{value}</dd>
              </div>
            ))}
        </dl>
        {stat === null && statError === null && target.path !== "/" ? <p className={mutedTextClass}>{t("fileops.props.loading")}</p> : null}
        {statError ? <p role="alert" className={errorTextClass}>{statError}</p> : null}
        {isFolder ? <FolderSizeView state={size} onCalculate={() => void calculate()} onCancel={() => sizeAbort.current?.abort()} /> : null}
      </div>
    </Dialog>
  );
}

function FolderSizeView({ state, onCalculate, onCancel }: { state: SizeState; onCalculate: () => void; onCancel: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-label={t("fileops.size.section")} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div role="status" aria-live="polite" className="text-sm">
        {state.phase === "running" ? t("fileops.size.running") : null}
        {state.phase === "cancelled" ? t("fileops.size.cancelled") : null}
        {state.phase === "error" ? <span className={errorTextClass}>{state.message}</span> : null}
        {state.phase === "done" ? (
          <div className="flex flex-col gap-1">
            <p className="font-medium">
              {humanSize(state.size.bytes, locale)} ({t("common.bytes", { count: state.size.bytes, n: formatCount(state.size.bytes, locale) })})
            </p>
            <p className={mutedTextClass}>{t("fileops.size.counts", { files: formatCount(state.size.files, locale), folders: formatCount(state.size.folders, locale) })}</p>
            {state.size.stopped ? <p className="text-amber-700 dark:text-amber-300">{t(`fileops.size.partial.${state.size.stopped}`)}</p> : null}
            {state.size.unreadable > 0 ? <p className="text-amber-700 dark:text-amber-300">{t("fileops.size.unreadable", { count: state.size.unreadable })}</p> : null}
          </div>
        ) : null}
      </div>
      <div>
        {state.phase === "running" ? (
          <Button onClick={onCancel}>{t("fileops.cancel")}</Button>
        ) : (
          <Button onClick={onCalculate}>{t(state.phase === "done" ? "fileops.size.again" : "fileops.size.calculate")}</Button>
        )}
      </div>
    </section>
  );
}
