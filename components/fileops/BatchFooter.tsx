"use client";
// The buttons under a batch dialog: the confirmation buttons before it starts, Stop while it runs,
// then Close (with any extra action, e.g. "copy with new names").
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";
import type { BatchProgress } from "./use-batch-run";

export function BatchFooter({ phase, before, after, onStop, onClose }: { phase: BatchProgress["phase"]; before?: ReactNode; after?: ReactNode; onStop: () => void; onClose: () => void }) {
  const t = useT();
  if (phase === "idle") return <>{before}</>;
  if (phase === "running") return <Button onClick={onStop}>{t("fileops.stop")}</Button>;
  return (
    <>
      {after}
      <Button variant="primary" onClick={onClose} autoFocus>
        {t("fileops.close")}
      </Button>
    </>
  );
}
