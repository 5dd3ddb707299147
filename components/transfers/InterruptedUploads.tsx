"use client";

import { useEffect, useRef, useState } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { humanSize } from "@/components/browser/format-entry";
import { joinPath } from "@/lib/client/paths";
import { discardInterrupted, findInterrupted, isSameFile, type InterruptedUpload } from "@/lib/client/transfers/interrupted-uploads";
import type { UploadItem } from "@/lib/client/transfers/upload-item";
import { uploadQueue, uploadResume } from "@/lib/client/transfers/upload-queue-instance";
import { useLocale, useT } from "@/lib/i18n";
import { buttonClass } from "@/components/ui/button";

/** Unfinished uploads of earlier visits that the server still holds (looked up once per page). */
export function useInterruptedUploads(items: readonly UploadItem[]): { uploads: InterruptedUpload[]; forget: (key: string) => void } {
  const [found, setFound] = useState<InterruptedUpload[]>([]);
  useEffect(() => {
    const { resume, transport } = uploadResume();
    let live = true;
    void findInterrupted(resume, transport).then((list) => live && setFound(list));
    return () => {
      live = false;
    };
  }, []);
  const { resume } = typeof window === "undefined" ? { resume: null } : uploadResume();
  // Hide those being sent again now, and those finished since (their record is gone).
  const uploads = found.filter(
    (u) => resume?.get(u.key) && !items.some((i) => i.dir === u.dir && i.targetName === u.name && i.size === u.size && i.status !== "cancelled"),
  );
  return { uploads, forget: (key) => setFound((list) => list.filter((u) => u.key !== key)) };
}

/** "Continue" asks for the same file again (the browser cannot reopen it by itself), "Discard" deletes the part on the server. */
export function InterruptedUploads({ uploads, forget }: { uploads: InterruptedUpload[]; forget: (key: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { notify } = useBrowser();
  const input = useRef<HTMLInputElement>(null);
  const [picking, setPicking] = useState<InterruptedUpload | null>(null);

  const onPicked = (file: File | undefined) => {
    const upload = picking;
    setPicking(null);
    if (!file || !upload) return;
    if (!isSameFile(upload, file)) return notify(t("transfers.interrupted.otherFile", { name: upload.name }), "error");
    uploadQueue().add([{ file, dir: upload.dir, targetName: upload.name }]);
  };

  return (
    <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-700" data-testid="interrupted-uploads">
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-300">{t("transfers.interrupted.title")}</h3>
      <ul className="mt-1 flex flex-col gap-1.5">
        {uploads.map((upload) => (
          <li key={upload.key} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="min-w-0 flex-1 truncate" title={joinPath(upload.dir, upload.name)}>
              {upload.name}
              <span className="ml-2 text-xs text-slate-600 tabular-nums dark:text-slate-400">
                {t("transfers.progress", { loaded: humanSize(upload.offset, locale), total: humanSize(upload.size, locale) })}
              </span>
            </span>
            <button
              type="button"
              className={buttonClass("secondary", "px-2! py-1! text-xs")}
              aria-label={t("transfers.interrupted.continue.label", { name: upload.name })}
              onClick={() => {
                setPicking(upload);
                input.current?.click();
              }}
            >
              {t("transfers.interrupted.continue")}
            </button>
            <button
              type="button"
              className={buttonClass("ghost", "px-2! py-1! text-xs")}
              aria-label={t("transfers.interrupted.discard.label", { name: upload.name })}
              onClick={() => {
                discardInterrupted(uploadResume().resume, uploadResume().transport, upload);
                forget(upload.key);
              }}
            >
              {t("transfers.interrupted.discard")}
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        type="file"
        hidden
        onChange={(e) => {
          onPicked(e.currentTarget.files?.[0]);
          e.currentTarget.value = "";
        }}
      />
    </div>
  );
}
