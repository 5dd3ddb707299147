"use client";

import { useCallback } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { uploadDropped } from "@/lib/client/transfers/start-upload";
import { errorMessage } from "@/lib/client/error-message";
import { useT } from "@/lib/i18n";

/**
 * The handler the shell calls when files or folders from the desktop are dropped on the
 * listing (targetDir = the current folder) or on a folder row. Folders are walked and
 * recreated remotely; the files join the upload queue.
 */
export function useDropUpload(): (targetDir: string, dataTransfer: DataTransfer) => void {
  const { notify } = useBrowser();
  const t = useT();
  return useCallback(
    (targetDir: string, dataTransfer: DataTransfer) => {
      uploadDropped(targetDir, dataTransfer).then(
        ({ failedFolders }) => {
          if (failedFolders.length) notify(t("transfers.foldersFailed", { count: failedFolders.length }), "error");
        },
        (err: unknown) => notify(errorMessage(t, err), "error"),
      );
    },
    [notify, t],
  );
}

/** True when a drag carries files from outside the page (not rows dragged inside Ferry). */
export function dragHasFiles(dataTransfer: DataTransfer | null): boolean {
  return Boolean(dataTransfer && Array.from(dataTransfer.types).includes("Files"));
}
