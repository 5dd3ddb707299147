"use client";

import { useEffect, useRef, type RefObject } from "react";
import { useT } from "@/lib/i18n";
import type { EditorController } from "./codemirror-setup";
import { cspNonce } from "./csp-nonce";
import { codemirrorPhrases } from "./codemirror-phrases";

export interface CodeEditorProps {
  /** The text to show; a new value (a reload, another file) builds a new editor. */
  doc: string;
  name: string;
  editable: boolean;
  dark: boolean;
  wrap: boolean;
  /** Set while the editor is mounted: how the parent reads the text and marks it saved. */
  controllerRef: RefObject<EditorController | null>;
  onDirtyChange: (dirty: boolean) => void;
  onSave: () => void;
  onCursor?: (line: number, column: number) => void;
}

/** CodeMirror 6, downloaded the first time a text file is opened (a dynamic import). */
export function CodeEditor({ doc, name, editable, dark, wrap, controllerRef, onDirtyChange, onSave, onCursor }: CodeEditorProps) {
  const t = useT();
  const parent = useRef<HTMLDivElement>(null);
  // The latest props for the editor's callbacks and for the first render after the import.
  const latest = useRef({ editable, dark, wrap, onDirtyChange, onSave, onCursor, t });
  useEffect(() => {
    latest.current = { editable, dark, wrap, onDirtyChange, onSave, onCursor, t };
  });

  useEffect(() => {
    let cancelled = false;
    let controller: EditorController | null = null;
    void import("./codemirror-setup").then(({ createEditor }) => {
      if (cancelled || !parent.current) return;
      const now = latest.current;
      controller = createEditor(parent.current, {
        doc,
        name,
        editable: now.editable,
        dark: now.dark,
        wrap: now.wrap,
        nonce: cspNonce(),
        label: now.t("viewer.editorLabel", { name }),
        phrases: codemirrorPhrases(now.t),
        onDirtyChange: (dirty) => latest.current.onDirtyChange(dirty),
        onSave: () => latest.current.onSave(),
        onCursor: (line, column) => latest.current.onCursor?.(line, column),
      });
      controllerRef.current = controller;
      if (now.editable) controller.focus();
    });
    return () => {
      cancelled = true;
      controller?.destroy();
      controllerRef.current = null;
    };
  }, [doc, name, controllerRef]);

  useEffect(() => {
    controllerRef.current?.setEditable(editable);
    if (editable) controllerRef.current?.focus();
  }, [editable, controllerRef]);
  useEffect(() => controllerRef.current?.setDark(dark), [dark, controllerRef]);
  useEffect(() => controllerRef.current?.setWrap(wrap), [wrap, controllerRef]);

  return <div ref={parent} className="h-full min-h-0" data-testid="code-editor" />;
}
