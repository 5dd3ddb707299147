"use client";
// A move or copy (paste, drop, "move to") with progress; failures listed; a copy whose names
// already exist in the target can be retried as "name (copy)".
import { useEffect, useRef } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n";
import { BatchFooter } from "./BatchFooter";
import { BatchStatus } from "./BatchStatus";
import { setClipboard } from "./fileops-store";
import type { TransferPlan } from "./paste-plan";
import { useBatchRun } from "./use-batch-run";

type Plan = Extract<TransferPlan, { op: "move" | "copy" }>;

export function TransferDialog({ plan, clearClipboard, onClose }: { plan: Plan; clearClipboard: boolean; onClose: () => void }) {
  const t = useT();
  const { refresh, notify } = useBrowser();
  const { progress, start, cancel } = useBatchRun((outcome) => {
    void refresh();
    if (clearClipboard && outcome.done.length > 0) setClipboard(null);
    if (outcome.failed.length === 0 && outcome.stopped === null) {
      notify(t(plan.op === "move" ? "fileops.move.done" : "fileops.copy.done", { count: plan.paths.length }), "success");
      onClose();
    }
  });
  const started = useRef(false);
  useEffect(() => {
    // Once per dialog (React's dev double effects must not start two runs).
    if (started.current) return;
    started.current = true;
    void (plan.op === "move" ? start("move", { paths: plan.paths, targetDir: plan.targetDir }) : start("copy", { paths: plan.paths, targetDir: plan.targetDir, conflict: plan.conflict }));
  }, [plan, start]);

  const conflicts = progress.phase === "finished" && plan.op === "copy" ? progress.failed.filter((f) => f.error.code === "conflict").map((f) => f.path) : [];
  const running = progress.phase === "running";
  return (
    <Dialog
      title={t(plan.op === "move" ? "fileops.move.running" : "fileops.copy.running", { count: plan.paths.length, target: plan.targetDir })}
      onClose={() => (running ? cancel() : onClose())}
      footer={
        <BatchFooter
          phase={progress.phase}
          onStop={cancel}
          onClose={onClose}
          after={
            conflicts.length > 0 ? (
              <Button onClick={() => void start("copy", { paths: conflicts, targetDir: plan.targetDir, conflict: "rename" })}>{t("fileops.copy.keepBoth", { count: conflicts.length })}</Button>
            ) : null
          }
        />
      }
    >
      <BatchStatus progress={progress} doneKey={plan.op === "move" ? "fileops.move.progress" : "fileops.copy.progress"} />
    </Dialog>
  );
}
