"use client";
// Recursive search by name below the current folder (substring or glob): hits appear as the server
// streams them; Stop cancels; each hit opens its folder with the hit selected.
import { useEffect, useId, useRef, useState } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { EntryIcon } from "@/components/browser/entry-icon";
import { humanSize } from "@/components/browser/format-entry";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { filesHref } from "@/lib/client/paths";
import { useLocale, useT } from "@/lib/i18n";
import { errorText } from "./error-text";
import { revealAfterNavigation } from "./fileops-store";
import { searchNames, type SearchEnd, type SearchHit } from "./fileops-api";
import { formatCount } from "./format";
import { errorTextClass, inputClass, listBoxClass, mutedTextClass } from "./styles";

type Phase = { phase: "idle" } | { phase: "running" } | { phase: "done"; end: SearchEnd } | { phase: "cancelled" } | { phase: "error"; message: string };

/** Folder levels offered besides "this folder only" and "all" (the server caps at SEARCH_MAX_DEPTH). */
const depthChoices = [2, 3, 5];

/** Most hits kept on the page; the server's own bounds (entries, time) stop the walk. */
const maxShown = 2000;

export function SearchDialog({ dir, onClose }: { dir: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { path: currentPath, navigate, setSelection, setFocused } = useBrowser();
  const [query, setQuery] = useState("");
  const [depth, setDepth] = useState<number | undefined>(undefined);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [state, setState] = useState<Phase>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);
  const formId = useId();
  useEffect(() => () => controller.current?.abort(), []);

  const run = async () => {
    if (query.trim() === "") return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setHits([]);
    setState({ phase: "running" });
    // Hits arrive one line at a time: batch them per animation frame so a fast stream does not re-render per hit.
    let pending: SearchHit[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = pending;
      pending = [];
      setHits((list) => (list.length >= maxShown ? list : [...list, ...batch].slice(0, maxShown)));
    };
    try {
      const end = await searchNames(dir, query.trim(), {
        signal: abort.signal,
        depth,
        onHit: (hit) => {
          pending.push(hit);
          if (!frame) frame = requestAnimationFrame(flush);
        },
      });
      if (frame) cancelAnimationFrame(frame);
      flush();
      setState(end ? { phase: "done", end } : { phase: "cancelled" });
    } catch (err) {
      if (frame) cancelAnimationFrame(frame);
      flush();
      setState(abort.signal.aborted ? { phase: "cancelled" } : { phase: "error", message: errorText(t, err) });
    }
  };

  const open = (hit: SearchHit) => {
    onClose();
    if (hit.folder === currentPath) {
      setSelection(new Set([hit.entry.name]));
      setFocused(hit.entry.name);
    } else {
      // The browser clears the selection when the folder changes: select the hit once its listing is in.
      revealAfterNavigation(hit.folder, hit.entry.name);
      navigate(hit.folder);
    }
  };

  const running = state.phase === "running";
  return (
    <Dialog
      title={t("fileops.search.title", { dir })}
      onClose={onClose}
      className="sm:w-[40rem]"
      footer={
        <>
          {running ? <Button onClick={() => controller.current?.abort()}>{t("fileops.stop")}</Button> : null}
          <Button onClick={onClose}>{t("fileops.close")}</Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <form
          id={formId}
          role="search"
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <label className="flex flex-1 flex-col gap-1">
            <span>{t("fileops.search.label")}</span>
            <input className={inputClass} type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} maxLength={256} aria-describedby={`${formId}-hint`} spellCheck={false} autoComplete="off" />
          </label>
          <label className="flex flex-col gap-1">
            <span>{t("fileops.search.depth")}</span>
            <select className={inputClass} value={depth ?? ""} onChange={(e) => setDepth(e.target.value === "" ? undefined : Number(e.target.value))}>
              <option value="">{t("fileops.search.depthAny")}</option>
              <option value="1">{t("fileops.search.depthHere")}</option>
              {depthChoices.map((n) => (
                <option key={n} value={n}>
                  {t("fileops.search.depthLevels", { count: n })}
                </option>
              ))}
            </select>
          </label>
          <Button variant="primary" type="submit" disabled={query.trim() === ""}>
            {t("fileops.search.submit")}
          </Button>
        </form>
        <p id={`${formId}-hint`} className={mutedTextClass}>
          {t("fileops.search.hint")}
        </p>
        <div role="status" aria-live="polite" className="text-sm">
          {state.phase === "running" ? t("fileops.search.running", { count: hits.length }) : null}
          {state.phase === "cancelled" ? t("fileops.search.cancelled", { count: hits.length }) : null}
          {state.phase === "error" ? <span className={errorTextClass}>{state.message}</span> : null}
          {state.phase === "done" ? (
            <>
              {t("fileops.search.done", { count: state.end.hits, visited: formatCount(state.end.visited, locale) })}
              {state.end.stopped ? <span className="block text-amber-700 dark:text-amber-300">{t(`fileops.search.stopped.${state.end.stopped}`)}</span> : null}
              {state.end.depthLimited ? <span className="block text-amber-700 dark:text-amber-300">{t("fileops.search.depthLimited")}</span> : null}
            </>
          ) : null}
        </div>
        {hits.length > 0 ? (
          <ul className={`${listBoxClass} max-h-[50dvh] divide-y divide-slate-200 dark:divide-slate-700`} aria-label={t("fileops.search.results")}>
            {hits.map((hit) => (
              <li key={hit.path}>
                <a
                  href={filesHref(hit.folder)}
                  onClick={(event) => {
                    // A plain click opens the folder here with the hit selected; modified clicks (new tab) are the browser's.
                    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
                    event.preventDefault();
                    open(hit);
                  }} className="flex w-full flex-col items-start px-2 py-1.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-800">
                  <span className="flex w-full items-center gap-2">
                    <EntryIcon type={hit.entry.type} label={t(`fileops.type.${hit.entry.type}`)} />
                    <span className="min-w-0 flex-1 font-medium break-all">{hit.entry.name}</span>
                    {hit.entry.type === "file" && hit.entry.size !== null ? <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{humanSize(hit.entry.size, locale)}</span> : null}
                  </span>
                  <span className="text-xs break-all text-slate-600 dark:text-slate-400">{t("fileops.search.inFolder", { folder: hit.folder })}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  );
}
