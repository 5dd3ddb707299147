"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { keepBothName } from "@/lib/client/transfers/keep-both-name";
import type { ConflictAction, UploadItem } from "@/lib/client/transfers/upload-item";
import { uploadQueue } from "@/lib/client/transfers/upload-queue-instance";
import { useT } from "@/lib/i18n";

/**
 * Asks what to do with one file whose name is taken: replace, keep both (upload as "name (1).ext")
 * or skip, with "do the same for the others" for the rest of the same upload.
 * `others` counts the other conflicts waiting now; more may come as the upload goes on.
 */
export function ConflictDialog({ item, others }: { item: UploadItem; others: number }) {
  const t = useT();
  const [applyToAll, setApplyToAll] = useState(false);
  const answer = (action: ConflictAction) => uploadQueue().resolveConflict(item.id, action, applyToAll);
  const applyLabel = others > 0 ? t("transfers.conflict.applyToAll", { count: others }) : t("transfers.conflict.applyToAllLater");
  return (
    <Dialog
      title={t("transfers.conflict.title", { name: item.targetName })}
      onClose={() => answer("skip")}
      footer={
        <>
          <Button onClick={() => answer("skip")}>{t("transfers.conflict.skip")}</Button>
          <Button onClick={() => answer("keepBoth")}>{t("transfers.conflict.keepBoth")}</Button>
          <Button variant="danger" onClick={() => answer("replace")}>
            {t("transfers.conflict.replace")}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3" data-testid="conflict-dialog">
        <p className="break-words">{t("transfers.conflict.body", { dir: item.dir })}</p>
        <p className="text-slate-600 dark:text-slate-400">{t("transfers.conflict.keepBothHint", { name: keepBothName(item.targetName, 1) })}</p>
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-0.5 size-4 accent-blue-600" checked={applyToAll} onChange={(e) => setApplyToAll(e.currentTarget.checked)} />
          <span>{applyLabel}</span>
        </label>
      </div>
    </Dialog>
  );
}
