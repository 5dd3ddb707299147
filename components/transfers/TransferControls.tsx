"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { buttonClass } from "@/components/ui/button";
import { errorMessage } from "@/lib/client/error-message";
import { basename, downloadHref, joinPath } from "@/lib/client/paths";
import { uploadPicked } from "@/lib/client/transfers/start-upload";
import { zipHref } from "@/lib/client/transfers/upload-api";
import { extractZipsPreference, setExtractZipsPreference } from "@/lib/client/transfers/upload-queue-instance";
import { useT } from "@/lib/i18n";
import { DownloadIcon, FolderUploadIcon, UploadIcon } from "./icons";

// `webkitdirectory` is not in React's input props; Chromium, Firefox and Safari all support it.
const folderPicker = { webkitdirectory: "", directory: "" } as Record<string, string>;

/** Upload files, upload a folder, download the selection (one file as itself, anything else as a zip). */
export function TransferControls(): React.ReactNode {
  const t = useT();
  const { path, entries, selection, notify } = useBrowser();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [extractZips, setExtractZips] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the saved choice lives in localStorage, known only after mount
  useEffect(() => setExtractZips(extractZipsPreference()), []);

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = ""; // choosing the same file again must fire change again
    if (files.length === 0) return;
    uploadPicked(path, files).then(
      ({ failedFolders }) => failedFolders.length && notify(t("transfers.foldersFailed", { count: failedFolders.length }), "error"),
      (err: unknown) => notify(errorMessage(t, err), "error"),
    );
  };

  const selected = entries.filter((entry) => selection.has(entry.name));
  const single = selected.length === 1 && selected[0]!.type === "file" ? selected[0]! : null;
  const folderName = basename(path) || "files";
  const zipName = selected.length === 1 ? `${selected[0]!.name}.zip` : `${folderName}.zip`;
  const link = single
    ? { href: downloadHref(joinPath(path, single.name)), label: t("transfers.download"), title: t("transfers.download.title", { name: single.name }) }
    : {
        href: zipHref(path, selected.map((entry) => entry.name), zipName),
        label: t("transfers.downloadZip"),
        title: selected.length ? t("transfers.downloadZip.selection", { count: selected.length }) : t("transfers.downloadZip.folder"),
      };

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="transfer-controls">
      <button type="button" className={buttonClass("primary")} onClick={() => filesInput.current?.click()}>
        <UploadIcon />
        <span>{t("transfers.uploadFiles")}</span>
      </button>
      <button type="button" className={buttonClass("secondary")} onClick={() => folderInput.current?.click()}>
        <FolderUploadIcon />
        <span>{t("transfers.uploadFolder")}</span>
      </button>
      {/* A plain link: the browser's own download manager shows the size and the progress. */}
      <a href={link.href} download className={buttonClass("secondary")} title={link.title} data-testid="download-link">
        <DownloadIcon />
        <span>{link.label}</span>
      </a>
      <label className="flex cursor-pointer items-center gap-1.5 text-sm text-slate-700 dark:text-slate-300" title={t("transfers.extractZips.title")}>
        <input
          type="checkbox"
          className="size-4 accent-blue-600"
          checked={extractZips}
          onChange={(event) => {
            setExtractZips(event.currentTarget.checked);
            setExtractZipsPreference(event.currentTarget.checked);
          }}
        />
        {t("transfers.extractZips")}
      </label>
      <input ref={filesInput} type="file" multiple hidden onChange={onPicked} data-testid="upload-files-input" />
      <input ref={folderInput} type="file" multiple hidden onChange={onPicked} data-testid="upload-folder-input" {...folderPicker} />
    </div>
  );
}
