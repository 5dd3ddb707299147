"use client";
// Every file operation as one function, shared by the toolbar, the context menu and the shortcuts.
import { useCallback, useMemo } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { parentPath } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { getClipboard, openDialog, setClipboard, type Target } from "./fileops-store";
import { planMove, planPaste, type TransferPlan } from "./paste-plan";

export function isZip(entry: RemoteEntry): boolean {
  return entry.type === "file" && entry.name.toLowerCase().endsWith(".zip");
}

export function useFileOpsActions() {
  const browser = useBrowser();
  const t = useT();
  const { path, entries, selection, focused, entryPath, notify, setRenaming } = browser;

  /** The selected entries; without a selection, the row with the cursor. `entry` (a context menu's row) wins when outside the selection. */
  const targetsFor = useCallback(
    (entry?: RemoteEntry): Target[] => {
      const toTarget = (e: RemoteEntry) => ({ path: entryPath(e), entry: e });
      if (entry && !selection.has(entry.name)) return [toTarget(entry)];
      const chosen = entries.filter((e) => selection.has(e.name));
      if (chosen.length > 0) return chosen.map(toTarget);
      const cursor = entries.find((e) => e.name === focused);
      return cursor ? [toTarget(cursor)] : [];
    },
    [entries, selection, focused, entryPath],
  );

  const runPlan = useCallback(
    (plan: TransferPlan, clearClipboard: boolean) => {
      if (plan.op === "none") notify(t(plan.reason), "info");
      else openDialog({ kind: "transfer", plan, clearClipboard });
    },
    [notify, t],
  );

  return useMemo(() => {
    const need = (targets: Target[]): boolean => {
      if (targets.length === 0) notify(t("fileops.nothingSelected"), "info");
      return targets.length > 0;
    };
    return {
      targetsFor,
      newFolder: () => openDialog({ kind: "create", what: "folder", dir: path, taken: entries.map((e) => e.name) }),
      newFile: () => openDialog({ kind: "create", what: "file", dir: path, taken: entries.map((e) => e.name) }),
      rename: (entry?: RemoteEntry) => {
        const target = entry ?? targetsFor()[0]?.entry;
        if (target) setRenaming(target.name);
        else notify(t("fileops.nothingSelected"), "info");
      },
      moveTo: (entry?: RemoteEntry) => {
        const targets = targetsFor(entry);
        if (need(targets)) openDialog({ kind: "move", targets, dir: path });
      },
      cut: (entry?: RemoteEntry) => {
        const targets = targetsFor(entry);
        if (!need(targets)) return;
        setClipboard({ mode: "cut", from: path, paths: targets.map((x) => x.path) });
        notify(t("fileops.clipboard.cut", { count: targets.length }), "info");
      },
      copy: (entry?: RemoteEntry) => {
        const targets = targetsFor(entry);
        if (!need(targets)) return;
        setClipboard({ mode: "copy", from: path, paths: targets.map((x) => x.path) });
        notify(t("fileops.clipboard.copied", { count: targets.length }), "info");
      },
      /** Pastes into `dir` (a folder row's path from the context menu) or the current folder. */
      paste: (dir = path) => {
        const clip = getClipboard();
        runPlan(planPaste(clip, dir), clip?.mode === "cut");
      },
      /** Rows dropped on a folder row or a breadcrumb. */
      drop: (targetDir: string, paths: string[]) => runPlan(planMove(paths, targetDir), false),
      remove: (entry?: RemoteEntry) => {
        const targets = targetsFor(entry);
        if (need(targets)) openDialog({ kind: "delete", targets });
      },
      chmod: (entry?: RemoteEntry) => {
        const targets = targetsFor(entry);
        if (need(targets)) openDialog({ kind: "chmod", targets });
      },
      properties: (entry?: RemoteEntry) => {
        const target = targetsFor(entry)[0];
        if (target) openDialog({ kind: "properties", target });
        else openDialog({ kind: "properties", target: { path, entry: folderEntry(path) } });
      },
      search: () => openDialog({ kind: "search", dir: path }),
      extract: (entry: RemoteEntry) => openDialog({ kind: "extract", target: { path: entryPath(entry), entry }, dir: parentPath(entryPath(entry)) }),
    };
  }, [targetsFor, path, entries, entryPath, notify, t, setRenaming, runPlan]);
}

export type FileOpsActions = ReturnType<typeof useFileOpsActions>;

/** A stand-in listing row for the current folder itself (properties with nothing selected). */
function folderEntry(path: string): RemoteEntry {
  const name = path === "/" ? "/" : path.slice(path.lastIndexOf("/") + 1);
  return { name, type: "dir", size: null, modifiedAt: null, rawModifiedAt: null, permissions: null, owner: null, group: null, target: null };
}
