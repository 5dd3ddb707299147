"use client";

import { useCallback } from "react";
import { useOpenEntry } from "@/components/viewer/open-entry";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { downloadHref, joinPath } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { useBrowser } from "./browser-context";

/** Starts a browser download of a remote file (an attachment: the page stays). */
export function downloadFile(path: string): void {
  const a = document.createElement("a");
  a.href = downloadHref(path);
  a.download = "";
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * What happens when a row is opened (double-click, Enter, a click on its name): folders are entered;
 * files go to the viewer (useOpenEntry) or are downloaded; links are asked about first (`GET /api/fs/stat`).
 */
export function useActivateEntry(): (entry: RemoteEntry) => void {
  const t = useT();
  const { path, navigate, notify } = useBrowser();
  const openEntry = useOpenEntry();

  return useCallback(
    (entry: RemoteEntry) => {
      const full = joinPath(path, entry.name);
      const openFile = (file: RemoteEntry) => {
        if (!openEntry(file)) downloadFile(full);
      };
      if (entry.type === "dir") return navigate(full);
      if (entry.type === "file") return openFile(entry);
      if (entry.type === "link") {
        api<{ targetType?: "dir" | "file" | null }>("GET", `/api/fs/stat?path=${encodeURIComponent(full)}`).then(
          (stat) => {
            if (stat.targetType === "dir") navigate(full);
            else if (stat.targetType === "file") openFile({ ...entry, type: "file" });
            else notify(t("browser.link.dangling", { name: entry.name }), "error");
          },
          (err: unknown) => notify(errorMessage(t, err), "error"),
        );
        return;
      }
      // Devices, pipes, sockets: nothing to open; a download would hang or fail.
      notify(t("browser.type.unknown"), "info");
    },
    [path, navigate, notify, openEntry, t],
  );
}
