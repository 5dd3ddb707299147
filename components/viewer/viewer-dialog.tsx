"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { downloadHref, joinPath } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import { CloseIcon, DownloadIcon, NextIcon, PreviousIcon } from "./icons";
import { ImageView, MediaView, PdfView } from "./media-views";
import { TextView } from "./text-view";
import { useDarkMode } from "./use-dark-mode";
import { viewKindOf } from "./viewable";
import type { ViewerState } from "./viewer-store";

export interface ViewerDialogProps {
  state: ViewerState;
  onIndex: (index: number) => void;
  onClose: () => void;
  onSaved: () => void;
}

// Keys that these elements use themselves: arrows move the cursor, seek the video, and so on.
const ownsArrows = ".cm-editor, input, textarea, select, video, audio, [role='slider']";

/**
 * The viewer: a full-window modal over the listing with the file, its name and position in
 * the folder, previous/next (buttons and ←/→), download, and close (button and Esc). Leaving
 * a file with unsaved edits asks first.
 */
export default function ViewerDialog({ state, onIndex, onClose, onSaved }: ViewerDialogProps) {
  const t = useT();
  const dark = useDarkMode();
  const ref = useRef<HTMLDialogElement>(null);
  const [dirty, setDirty] = useState(false);
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);
  const swipeFrom = useRef<number | null>(null);
  const save = useRef<(() => void) | null>(null);
  const item = state.items[state.index];
  const count = state.items.length;

  useEffect(() => {
    const dialog = ref.current;
    // Where the keyboard was (the listing's row, usually): it goes back there when the viewer closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const leave = useCallback(
    (action: () => void) => {
      if (dirty) setPendingLeave(() => action);
      else action();
    },
    [dirty],
  );

  const go = (delta: number) => {
    const next = state.index + delta;
    if (next < 0 || next >= count) return;
    leave(() => {
      setDirty(false);
      onIndex(next);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.defaultPrevented) return;
    // Ctrl/Cmd+S with the focus outside the text (inside it, CodeMirror saves and prevents the event);
    // never the browser's "save page" while the viewer is open.
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save.current?.();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.target instanceof Element && e.target.closest(ownsArrows)) return;
    if (e.key === "ArrowLeft") go(-1);
    else if (e.key === "ArrowRight") go(1);
  };

  if (!item) return null;
  const path = joinPath(state.dir, item.name);
  // "Edit" on one file opens it as text whatever its type (an SVG's source, say).
  const kind = state.edit && count === 1 ? "text" : (viewKindOf(item.name) ?? "text");
  const stage = kind === "text" ? "" : kind === "pdf" ? "bg-slate-200 dark:bg-slate-800" : "bg-slate-800 text-slate-100 dark:bg-black";

  return (
    <dialog
      ref={ref}
      aria-label={t("viewer.dialogLabel", { name: item.name })}
      onCancel={(e) => {
        // Esc: CodeMirror's search panel takes it first (it prevents the keydown); otherwise close.
        e.preventDefault();
        // React passes a nested dialog's cancel up to here: that Esc was for the nested one.
        if (e.target === e.currentTarget) leave(onClose);
      }}
      onKeyDown={onKeyDown}
      className="fixed inset-0 m-0 flex h-dvh max-h-none w-screen max-w-none flex-col bg-white p-0 text-slate-900 backdrop:bg-black/60 dark:bg-slate-900 dark:text-slate-100"
      data-testid="viewer"
    >
      <header className="flex items-center gap-1 border-b border-slate-200 px-2 py-1.5 dark:border-slate-700">
        <h2 className="min-w-0 flex-1 truncate px-1 text-sm font-semibold sm:text-base" title={path}>
          {item.name}
        </h2>
        {count > 1 ? (
          <>
            <span className="shrink-0 px-1 text-xs text-slate-500 tabular-nums dark:text-slate-400" aria-live="polite">
              {t("viewer.position", { index: state.index + 1, count })}
            </span>
            <Button variant="ghost" className="px-2" onClick={() => go(-1)} disabled={state.index === 0} aria-label={t("viewer.previous")} title={t("viewer.previous")} aria-keyshortcuts="ArrowLeft">
              <PreviousIcon />
            </Button>
            <Button variant="ghost" className="px-2" onClick={() => go(1)} disabled={state.index === count - 1} aria-label={t("viewer.next")} title={t("viewer.next")} aria-keyshortcuts="ArrowRight">
              <NextIcon />
            </Button>
          </>
        ) : null}
        <a href={downloadHref(path)} download className={buttonClass("ghost", "px-2")} aria-label={t("viewer.download")} title={t("viewer.download")}>
          <DownloadIcon />
        </a>
        <Button variant="ghost" className="px-2" onClick={() => leave(onClose)} aria-label={t("viewer.close")} title={t("viewer.close")} aria-keyshortcuts="Escape">
          <CloseIcon />
        </Button>
      </header>
      <div
        className={`relative min-h-0 flex-1 ${stage}`}
        // A swipe on a touch screen goes to the next or previous image.
        onPointerDown={(e) => {
          if (e.pointerType === "touch" && kind === "image") swipeFrom.current = e.clientX;
        }}
        onPointerUp={(e) => {
          const from = swipeFrom.current;
          swipeFrom.current = null;
          if (from !== null && Math.abs(e.clientX - from) > 60) go(e.clientX < from ? 1 : -1);
        }}
      >
        {kind === "image" && count > 1 ? (
          <>
            <StageArrow side="left" disabled={state.index === 0} onClick={() => go(-1)} />
            <StageArrow side="right" disabled={state.index === count - 1} onClick={() => go(1)} />
          </>
        ) : null}
        {kind === "text" ? (
          <TextView key={path} path={path} name={item.name} edit={state.edit} dark={dark} onDirtyChange={setDirty} onSaved={onSaved} saveRef={save} />
        ) : kind === "image" ? (
          <ImageView key={path} path={path} name={item.name} />
        ) : kind === "pdf" ? (
          <PdfView key={path} path={path} name={item.name} />
        ) : (
          <MediaView key={path} path={path} name={item.name} kind={kind} />
        )}
      </div>
      {pendingLeave ? (
        <Dialog
          title={t("viewer.discard.title")}
          onClose={() => setPendingLeave(null)}
          footer={
            <>
              <Button onClick={() => setPendingLeave(null)}>{t("viewer.discard.keep")}</Button>
              <Button
                variant="danger"
                onClick={() => {
                  const action = pendingLeave;
                  setPendingLeave(null);
                  setDirty(false);
                  action();
                }}
              >
                {t("viewer.discard.confirm")}
              </Button>
            </>
          }
        >
          <p>{t("viewer.discard.body", { name: item.name })}</p>
        </Dialog>
      ) : null}
    </dialog>
  );
}

/** A large previous/next target beside an image, for the mouse (the header's buttons serve the keyboard and screen readers). */
function StageArrow({ side, disabled, onClick }: { side: "left" | "right"; disabled: boolean; onClick: () => void }) {
  if (disabled) return null;
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-hidden="true"
      onClick={onClick}
      className={`absolute top-1/2 z-10 hidden -translate-y-1/2 rounded-full bg-black/40 p-3 text-white hover:bg-black/60 sm:block ${side === "left" ? "left-3" : "right-3"}`}
    >
      {side === "left" ? <PreviousIcon /> : <NextIcon />}
    </button>
  );
}
