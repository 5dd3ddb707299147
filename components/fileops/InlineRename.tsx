"use client";
// Rename in place: the shell shows this field in the name cell of the row being renamed.
// Enter saves, Esc cancels, leaving the field saves a valid change; a refusal (409: the name is
// taken) is said in words under the field, which stays open to fix it.
import { useEffect, useId, useRef, useState } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { errorText } from "./error-text";
import { renameEntry } from "./fileops-api";
import { nameProblem, stemRange } from "./names";

export function InlineRename({ entry }: { entry: RemoteEntry }): React.ReactNode {
  const t = useT();
  const { entryPath, refresh, setRenaming, setSelection, setFocused, notify } = useBrowser();
  const [name, setName] = useState(entry.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const id = useId();
  const problem = nameProblem(name);

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(...stemRange(entry.name, entry.type === "dir"));
  }, [entry.name, entry.type]);

  const finish = (rowName: string) => {
    done.current = true;
    setRenaming(null);
    setFocused(rowName);
    focusRow(rowName);
  };

  const save = async () => {
    if (busy || done.current) return;
    if (name === entry.name) return finish(entry.name);
    if (problem) {
      setError(t(problem));
      return;
    }
    setBusy(true);
    try {
      await renameEntry(entryPath(entry), name);
    } catch (err) {
      setBusy(false);
      setError(errorText(t, err));
      input.current?.focus();
      return;
    }
    finish(name);
    setSelection(new Set([name]));
    notify(t("fileops.rename.done", { from: entry.name, to: name }), "success");
    await refresh();
    focusRow(name);
  };

  return (
    <span className="relative flex min-w-0 flex-1 flex-col" onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()} onMouseDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        value={name}
        readOnly={busy}
        aria-busy={busy}
        aria-label={t("fileops.rename.label", { name: entry.name })}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        spellCheck={false}
        autoComplete="off"
        draggable={false}
        onDragStart={(e) => {
          e.preventDefault();
          e.stopPropagation();
        }}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          // The table must not see these keys (Enter would open the row, arrows move the cursor).
          e.stopPropagation();
          if (e.key === "Enter") {
            e.preventDefault();
            void save();
          } else if (e.key === "Escape") {
            e.preventDefault();
            finish(entry.name);
          }
        }}
        onBlur={() => {
          // Leaving the field keeps a valid change and drops an invalid one, like a desktop file manager.
          if (done.current || busy) return;
          if (name === entry.name || problem || error) finish(entry.name);
          else void save();
        }}
        className="w-full min-w-0 rounded border border-blue-500 bg-white px-1 py-0.5 text-sm text-slate-900 outline-none focus-visible:ring-2 focus-visible:ring-blue-500/50 aria-invalid:border-red-500 dark:bg-slate-800 dark:text-slate-100"
      />
      {error ? (
        <span id={`${id}-error`} role="alert" className="absolute top-full left-0 z-10 mt-1 max-w-80 rounded border border-red-300 bg-red-50 px-2 py-1 text-xs whitespace-normal text-red-900 shadow dark:border-red-700 dark:bg-red-950 dark:text-red-100">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** Keyboard users keep their place: the row (renamed or not) gets the focus the field had. */
function focusRow(name: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-name="${CSS.escape(name)}"]`)?.focus());
}
