"use client";

import { useEffect } from "react";
import { affectsListing } from "@/lib/client/transfers/upload-api";
import { uploadQueue } from "@/lib/client/transfers/upload-queue-instance";

/** Lists the current folder again when uploads into it (or into new folders under it) finish; one refresh per burst. */
export function useRefreshAfterUpload(path: string, refresh: () => Promise<void>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = uploadQueue().onFinished((item) => {
      if (!affectsListing(path, item.dir)) return;
      timer ??= setTimeout(() => {
        timer = null;
        void refresh();
      }, 400);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [path, refresh]);
}
