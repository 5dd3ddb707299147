"use client";
// The toolbar of file operations above the listing; buttons act on the selection (or the row with
// the cursor). On a phone only the icons show; the names stay as accessible labels and tooltips.
import { useBrowser } from "@/components/browser/browser-context";
import { useT } from "@/lib/i18n";
import { FileOpsDialogs } from "./FileOpsDialogs";
import { useFileOpsState } from "./fileops-store";
import { Icon, type IconName } from "./icons";
import { shortcutLabels } from "./shortcut-labels";
import { isZip, useFileOpsActions } from "./use-fileops-actions";

export function FileOpsToolbar(): React.ReactNode {
  const t = useT();
  const actions = useFileOpsActions();
  const { clipboard } = useFileOpsState();
  const { selection, focused, refresh } = useBrowser();
  const count = selection.size > 0 ? selection.size : focused ? 1 : 0;

  const buttons: Array<{ id: string; icon: IconName; label: string; run: () => void; disabled?: boolean; shortcut?: string }> = [
    { id: "new-folder", icon: "newFolder", label: t("fileops.action.newFolder"), run: actions.newFolder, shortcut: shortcutLabels.newFolder },
    { id: "new-file", icon: "newFile", label: t("fileops.action.newFile"), run: actions.newFile },
    { id: "rename", icon: "rename", label: t("fileops.action.rename"), run: () => actions.rename(), disabled: count !== 1, shortcut: shortcutLabels.rename },
    { id: "move", icon: "move", label: t("fileops.action.moveTo"), run: () => actions.moveTo(), disabled: count === 0 },
    { id: "cut", icon: "cut", label: t("fileops.action.cut"), run: () => actions.cut(), disabled: count === 0, shortcut: shortcutLabels.cut },
    { id: "copy", icon: "copy", label: t("fileops.action.copy"), run: () => actions.copy(), disabled: count === 0, shortcut: shortcutLabels.copy },
    { id: "paste", icon: "paste", label: clipboard ? t("fileops.action.pasteCount", { count: clipboard.paths.length }) : t("fileops.action.paste"), run: () => actions.paste(), disabled: !clipboard, shortcut: shortcutLabels.paste },
    { id: "delete", icon: "delete", label: t("fileops.action.delete"), run: () => actions.remove(), disabled: count === 0, shortcut: shortcutLabels.delete },
    { id: "chmod", icon: "chmod", label: t("fileops.action.chmod"), run: () => actions.chmod(), disabled: count === 0 },
    { id: "properties", icon: "properties", label: t("fileops.action.properties"), run: () => actions.properties(), shortcut: shortcutLabels.properties },
    { id: "search", icon: "search", label: t("fileops.action.search"), run: actions.search, shortcut: shortcutLabels.search },
    { id: "refresh", icon: "refresh", label: t("fileops.action.refresh"), run: () => void refresh(), shortcut: shortcutLabels.refresh },
  ];
  // "Extract here" shows when the one chosen entry is a zip.
  const only = count === 1 ? actions.targetsFor()[0]?.entry : undefined;
  if (only && isZip(only)) buttons.splice(buttons.findIndex((b) => b.id === "search"), 0, { id: "extract", icon: "extract", label: t("fileops.action.extract"), run: () => actions.extract(only) });

  return (
    <>
    <div role="toolbar" aria-label={t("fileops.toolbar")} onKeyDown={moveFocus} className="flex flex-wrap items-center gap-1">
      {buttons.map((b) => (
        <button
          key={b.id}
          type="button"
          data-action={b.id}
          onClick={b.run}
          disabled={b.disabled}
          title={b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
          aria-keyshortcuts={b.shortcut ? b.shortcut.replace(/Ctrl\/⌘/g, "Control") : undefined}
          className="inline-flex min-h-9 min-w-9 items-center justify-center gap-1.5 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-200/70 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-500 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-700/70"
        >
          <Icon name={b.icon} />
          <span className="sr-only xl:not-sr-only">{b.label}</span>
        </button>
      ))}
    </div>
    <FileOpsDialogs />
    </>
  );
}

/** Arrow keys, Home and End move between the toolbar's enabled buttons (each also stays a Tab stop). */
function moveFocus(event: React.KeyboardEvent<HTMLDivElement>) {
  const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
  if (!keys.includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  const next = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (at + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
}
