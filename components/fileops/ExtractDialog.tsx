"use client";
// "Extract here" for a .zip on the server: runs at once, then says what was created and what was
// refused (unsafe names, existing files) and why.
import { useEffect, useRef } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n";
import { BatchFooter } from "./BatchFooter";
import { BatchStatus } from "./BatchStatus";
import type { Target } from "./fileops-store";
import { useBatchRun } from "./use-batch-run";

export function ExtractDialog({ target, dir, onClose }: { target: Target; dir: string; onClose: () => void }) {
  const t = useT();
  const { refresh } = useBrowser();
  const { progress, start, cancel } = useBatchRun(() => void refresh());
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start("extract", { path: target.path, targetDir: dir });
  }, [start, target.path, dir]);
  const running = progress.phase === "running";

  return (
    <Dialog
      title={t("fileops.extract.title", { name: target.entry.name })}
      onClose={() => (running ? cancel() : onClose())}
      footer={<BatchFooter phase={progress.phase} onStop={cancel} onClose={onClose} />}
    >
      <BatchStatus progress={progress} doneKey="fileops.extract.progress" summary={t("fileops.extract.summary", { created: progress.done, refused: progress.failed.length })} asNamed />
    </Dialog>
  );
}
