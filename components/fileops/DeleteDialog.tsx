"use client";
// Delete after a confirmation that names what will go; a long delete shows progress and can be
// stopped; items that failed are listed with the reason while the rest stays done.
import { useBrowser } from "@/components/browser/browser-context";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n";
import { BatchFooter } from "./BatchFooter";
import { BatchStatus } from "./BatchStatus";
import type { Target } from "./fileops-store";
import { NameSummary } from "./NameSummary";
import { useBatchRun } from "./use-batch-run";

export function DeleteDialog({ targets, onClose }: { targets: Target[]; onClose: () => void }) {
  const t = useT();
  const { refresh, notify, setSelection } = useBrowser();
  const { progress, start, cancel } = useBatchRun((outcome) => {
    void refresh();
    setSelection(new Set());
    if (outcome.failed.length === 0 && outcome.stopped === null) {
      notify(t("fileops.delete.done", { count: targets.length }), "success");
      onClose();
    }
  });
  const folders = targets.filter((x) => x.entry.type === "dir").length;
  const running = progress.phase === "running";
  const confirming = progress.phase === "idle";
  const single = targets.length === 1 ? targets[0]! : null;

  return (
    <Dialog
      title={single ? t("fileops.delete.titleOne", { name: single.entry.name }) : t("fileops.delete.title", { count: targets.length })}
      onClose={() => (running ? cancel() : onClose())}
      footer={
        <BatchFooter
          phase={progress.phase}
          onStop={cancel}
          onClose={onClose}
          before={
            <>
              <Button onClick={onClose} autoFocus>
                {t("fileops.cancel")}
              </Button>
              <Button variant="danger" onClick={() => void start("delete", { paths: targets.map((x) => x.path) })}>
                {t("fileops.delete.submit", { count: targets.length })}
              </Button>
            </>
          }
        />
      }
    >
      <div className="flex flex-col gap-3">
        {confirming ? (
          <>
            <p>{folders > 0 ? t("fileops.delete.questionFolders", { count: targets.length }) : t("fileops.delete.question", { count: targets.length })}</p>
            <NameSummary targets={targets} folderNote={t("fileops.delete.folderNote")} />
            <p className="font-medium text-red-700 dark:text-red-300">{t("fileops.delete.irreversible")}</p>
          </>
        ) : (
          <BatchStatus progress={progress} doneKey="fileops.delete.progress" />
        )}
      </div>
    </Dialog>
  );
}
