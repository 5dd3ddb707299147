"use client";

import { buttonClass } from "@/components/ui/button";
import { downloadHref } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import { DownloadIcon, WarningIcon } from "./icons";

/** What the viewer shows instead of a file it cannot show: why, and a download. */
export function Unavailable({ path, message }: { path: string; message: string }) {
  const t = useT();
  return (
    <div className="flex h-full flex-col items-center justify-center gap-4 p-6 text-center">
      <span className="text-amber-600 dark:text-amber-400">
        <WarningIcon />
      </span>
      <p role="alert" className="max-w-md text-sm text-slate-700 dark:text-slate-200">
        {message}
      </p>
      <a href={downloadHref(path)} download className={buttonClass("primary")}>
        <DownloadIcon />
        {t("viewer.downloadInstead")}
      </a>
    </div>
  );
}
