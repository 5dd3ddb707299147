"use client";

import { useSyncExternalStore } from "react";
import { uploadQueue } from "@/lib/client/transfers/upload-queue-instance";
import type { UploadItem } from "@/lib/client/transfers/upload-item";

const none: readonly UploadItem[] = [];
const serverSnapshot = () => none;

/**
 * Progress events come many times a second per file: tell React at most every 150 ms,
 * except when the list's shape (a status) changes, which shows at once.
 */
function throttledSubscribe(listener: () => void): () => void {
  const queue = uploadQueue();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastStatuses = "";
  const unsubscribe = queue.subscribe(() => {
    const statuses = queue
      .getSnapshot()
      .map((item) => item.status)
      .join();
    if (statuses !== lastStatuses) {
      lastStatuses = statuses;
      if (timer) clearTimeout(timer);
      timer = null;
      listener();
      return;
    }
    timer ??= setTimeout(() => {
      timer = null;
      listener();
    }, 150);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

const snapshot = () => uploadQueue().getSnapshot();

/** The upload queue's files, re-rendering on change. */
export function useUploadItems(): readonly UploadItem[] {
  return useSyncExternalStore(throttledSubscribe, snapshot, serverSnapshot);
}
