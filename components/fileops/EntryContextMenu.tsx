"use client";
// The menu of a row (right-click, or the Menu key / Shift+F10 on the focused row): every operation
// for that row, or for the selection when the row is part of it. Keyboard and placement come from
// components/ui/menu; closing gives the focus back to the row, so a dialog opened from here returns there too.
import { useCallback, useLayoutEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { useBrowser } from "@/components/browser/browser-context";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { useOpenEntry } from "@/components/viewer/open-entry";
import { downloadHref } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { useFileOpsState } from "./fileops-store";
import { shortcutLabels } from "./shortcut-labels";
import { isZip, useFileOpsActions } from "./use-fileops-actions";

export interface EntryContextMenuProps {
  entry: RemoteEntry;
  x: number;
  y: number;
  onClose: () => void;
}

export function EntryContextMenu({ entry, x, y, onClose }: EntryContextMenuProps): React.ReactNode {
  const t = useT();
  const actions = useFileOpsActions();
  const openEntry = useOpenEntry();
  const { navigate, entryPath, selection } = useBrowser();
  const { clipboard } = useFileOpsState();
  const count = selection.has(entry.name) ? selection.size : 1;
  const isFolder = entry.type === "dir";

  // Runs before the menu's own effect moves the focus into it.
  const returnTo = useRef<Element | null>(null);
  useLayoutEffect(() => {
    returnTo.current ??= document.activeElement;
  }, []);
  const latestClose = useRef(onClose);
  useLayoutEffect(() => {
    latestClose.current = onClose;
  });
  const close = useCallback(() => {
    if (returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
    latestClose.current();
  }, []);

  const items: MenuItem[] = [
    {
      label: t(isFolder ? "fileops.action.openFolder" : "fileops.action.open"),
      onSelect: () => {
        if (isFolder) navigate(entryPath(entry));
        else if (!openEntry(entry)) window.location.assign(downloadHref(entryPath(entry)));
      },
    },
    ...(count === 1 ? [{ label: t("fileops.action.rename"), onSelect: () => actions.rename(entry), hint: shortcutLabels.rename }] : []),
    { label: t("fileops.action.moveTo"), onSelect: () => actions.moveTo(entry) },
    { label: t("fileops.action.cut"), onSelect: () => actions.cut(entry), hint: shortcutLabels.cut },
    { label: t("fileops.action.copy"), onSelect: () => actions.copy(entry), hint: shortcutLabels.copy },
    ...(isFolder && clipboard ? [{ label: t("fileops.action.pasteInto"), onSelect: () => actions.paste(entryPath(entry)) }] : []),
    ...(isZip(entry) && count === 1 ? [{ label: t("fileops.action.extract"), onSelect: () => actions.extract(entry) }] : []),
    { label: t("fileops.action.chmod"), onSelect: () => actions.chmod(entry) },
    { label: t("fileops.action.properties"), onSelect: () => actions.properties(entry), hint: shortcutLabels.properties },
    { label: count > 1 ? t("fileops.action.deleteCount", { count }) : t("fileops.action.delete"), onSelect: () => actions.remove(entry), hint: shortcutLabels.delete, danger: true },
  ];

  // On <body>, so no transformed ancestor can shift the fixed position.
  return createPortal(<Menu x={x} y={y} items={items} onClose={close} label={t("fileops.menu.label", { name: entry.name })} />, document.body);
}
