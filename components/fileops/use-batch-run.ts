"use client";
// Runs one batch operation with live progress and a cancel button's AbortController.
import { useCallback, useEffect, useRef, useState } from "react";
import { runBatch, type BatchBody, type BatchOp, type BatchOutcome, type FailedItem } from "./fileops-api";

export interface BatchProgress {
  phase: "idle" | "running" | "finished" | "failed";
  done: number;
  /** Bytes the server reported for done items (copies say how much each file had). */
  bytes: number;
  failed: FailedItem[];
  /** The last item the server reported (shown as "now: …"). */
  current: string | null;
  outcome: BatchOutcome | null;
  /** The whole request failed (e.g. 501 not supported); `outcome` is null then. */
  error: unknown;
}

const idle: BatchProgress = { phase: "idle", done: 0, bytes: 0, failed: [], current: null, outcome: null, error: null };

/**
 * `start(op, body)` runs the batch; `cancel()` stops it between two items (what is
 * done stays done). Unmounting cancels too, so closing a dialog never leaves a run behind.
 */
export function useBatchRun(onFinished?: (outcome: BatchOutcome) => void) {
  const [progress, setProgress] = useState<BatchProgress>(idle);
  const controller = useRef<AbortController | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });
  // Unmounting stops the run, a tick later: React's strict mode unmounts and remounts every
  // component once in development, and that must not cancel a run started on mount.
  const pendingAbort = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (pendingAbort.current) clearTimeout(pendingAbort.current);
    pendingAbort.current = null;
    return () => {
      pendingAbort.current = setTimeout(() => controller.current?.abort(), 0);
    };
  }, []);

  const start = useCallback(async <K extends BatchOp>(op: K, body: BatchBody[K]) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ ...idle, phase: "running" });
    try {
      const outcome = await runBatch(op, body, {
        signal: abort.signal,
        onItem: (item) =>
          setProgress((p) => (item.type === "done" ? { ...p, done: p.done + 1, bytes: p.bytes + (item.bytes ?? 0), current: item.path } : { ...p, failed: [...p.failed, item], current: item.path })),
      });
      setProgress((p) => ({ ...p, phase: "finished", outcome, done: outcome.done.length, failed: outcome.failed }));
      finished.current?.(outcome);
    } catch (error) {
      setProgress((p) => ({ ...p, phase: "failed", error }));
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { progress, start, cancel };
}
