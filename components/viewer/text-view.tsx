"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiError } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { useT } from "@/lib/i18n";
import type { EditorController } from "./codemirror-setup";
import { CodeEditor } from "./code-editor";
import { EditIcon, SaveIcon, SearchIcon, WrapIcon } from "./icons";
import { wrapsByDefault } from "./language-for";
import { formatBytes } from "./format-bytes";
import { loadText, saveText, type OpenedText, type TextLoad } from "./text-file-api";
import { TextStatusBar } from "./text-status-bar";
import { Unavailable } from "./unavailable";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; error: unknown };

export interface TextViewProps {
  path: string;
  name: string;
  /** Start in the editor rather than read-only (also opens a missing file as a new one). */
  edit: boolean;
  dark: boolean;
  onDirtyChange: (dirty: boolean) => void;
  /** After a successful save (the listing's size and date changed). */
  onSaved: () => void;
  /** Set to this view's save while it can save: the viewer calls it for Ctrl/Cmd+S outside the text. */
  saveRef: RefObject<(() => void) | null>;
}

/** A text file: read-only and highlighted, or in the editor with save, conflict check and search. */
export function TextView({ path, name, edit, dark, onDirtyChange, onSaved, saveRef }: TextViewProps) {
  const t = useT();
  const [load, setLoad] = useState<TextLoad>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState(edit);
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ deleted: boolean } | null>(null);
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const [wrap, setWrap] = useState(() => wrapsByDefault(name));
  const controller = useRef<EditorController | null>(null);
  // The version to save against; a save updates it without rebuilding the editor.
  const opened = useRef<OpenedText | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    loadText(path, { signal: abort.signal, createIfMissing: edit }).then(
      (result) => {
        if (abort.signal.aborted) return;
        if (result.status === "ready") opened.current = result.text;
        setLoad(result);
        setDirty(false);
        setSave({ kind: "idle" });
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: "failed", reason: "other", message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => abort.abort();
  }, [path, edit, generation]);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const canEdit = load.status === "ready" && !load.partial;

  const doSave = useCallback(
    async (force: boolean) => {
      const ctl = controller.current;
      const text = opened.current;
      if (!ctl || !text || !canEdit || !editing || save.kind === "saving") return;
      const snapshot = ctl.snapshot();
      setSave({ kind: "saving" });
      setConflict(null);
      try {
        const saved = await saveText(text, snapshot.toString(), force);
        opened.current = { ...text, version: saved.version, size: saved.size };
        ctl.markSaved(snapshot);
        setSave({ kind: "saved" });
        onSaved();
      } catch (err) {
        if (err instanceof ApiError && err.code === "conflict") {
          setSave({ kind: "idle" });
          setConflict({ deleted: (err.details as { current?: unknown } | undefined)?.current === null && text.version !== null });
        } else {
          setSave({ kind: "error", error: err });
        }
      }
    },
    [canEdit, editing, save.kind, onSaved],
  );

  useEffect(() => {
    saveRef.current = () => void doSave(false);
    return () => {
      saveRef.current = null;
    };
  }, [doSave, saveRef]);

  const reload = () => {
    setConflict(null);
    setLoad({ status: "loading" });
    setGeneration((g) => g + 1);
  };

  if (load.status === "loading") return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">{t("viewer.loading")}</p>;
  if (load.status === "failed") return <Unavailable path={path} message={t(`viewer.error.${load.reason}`, { message: load.message })} />;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-2 py-1.5 dark:border-slate-700">
        {editing ? (
          <Button variant="primary" onClick={() => void doSave(false)} disabled={save.kind === "saving"} aria-keyshortcuts="Control+S Meta+S" title={t("viewer.saveHint")}>
            <SaveIcon />
            {t("viewer.save")}
          </Button>
        ) : canEdit ? (
          <Button onClick={() => setEditing(true)}>
            <EditIcon />
            {t("viewer.edit")}
          </Button>
        ) : null}
        <Button variant="ghost" onClick={() => controller.current?.openSearch()} aria-keyshortcuts="Control+F Meta+F" title={t("viewer.search")}>
          <SearchIcon />
          <span className="hidden sm:inline">{t("viewer.search")}</span>
        </Button>
        <Button
          variant="ghost"
          onClick={() => setWrap((w) => !w)}
          aria-pressed={wrap}
          title={t("viewer.wrap")}
          className={wrap ? "bg-slate-200 dark:bg-slate-700" : ""}
          data-testid="wrap-toggle"
        >
          <WrapIcon />
          <span className="hidden sm:inline">{t("viewer.wrap")}</span>
        </Button>
        <p role="status" className={`ml-auto truncate text-sm ${save.kind === "error" ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}>
          {save.kind === "saving"
            ? t("viewer.saving")
            : save.kind === "error"
              ? t("viewer.saveFailed", { message: errorMessage(t, save.error) })
              : dirty
                ? t("viewer.unsaved")
                : save.kind === "saved"
                  ? t("viewer.saved")
                  : ""}
        </p>
      </div>
      {load.partial ? (
        <p className="border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {t("viewer.partial", { shown: formatBytes(load.partial.shown), size: load.partial.size === null ? "?" : formatBytes(load.partial.size) })}
        </p>
      ) : null}
      <div className="min-h-0 flex-1">
        <CodeEditor
          key={generation}
          doc={load.text.content}
          name={name}
          editable={editing && canEdit}
          dark={dark}
          wrap={wrap}
          controllerRef={controller}
          onDirtyChange={setDirty}
          onSave={() => void doSave(false)}
          onCursor={(line, column) => setCursor({ line, column })}
        />
      </div>
      <TextStatusBar text={load.text} name={name} editing={editing && canEdit} cursor={cursor} />
      {conflict ? (
        <Dialog
          title={t("viewer.conflict.title")}
          onClose={() => setConflict(null)}
          footer={
            <>
              <Button onClick={() => setConflict(null)}>{t("viewer.cancel")}</Button>
              {conflict.deleted ? null : <Button onClick={reload}>{t("viewer.conflict.reload")}</Button>}
              <Button variant="danger" onClick={() => void doSave(true)}>
                {conflict.deleted ? t("viewer.conflict.saveAnyway") : t("viewer.conflict.overwrite")}
              </Button>
            </>
          }
        >
          <p>{t(conflict.deleted ? "viewer.conflict.deletedBody" : "viewer.conflict.body", { name })}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
