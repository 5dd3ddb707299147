"use client";
// "Move to…": a typed folder path (absolute, or relative to the current folder).
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n";
import type { Target } from "./fileops-store";
import { NameSummary } from "./NameSummary";
import { planMove, resolveTypedPath, type TransferPlan } from "./paste-plan";
import { errorTextClass, inputClass, mutedTextClass } from "./styles";

export function MoveDialog({ targets, dir, onClose, onPlan }: { targets: Target[]; dir: string; onClose: () => void; onPlan: (plan: Extract<TransferPlan, { op: "move" }>) => void }) {
  const t = useT();
  const [typed, setTyped] = useState(dir);
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();

  const submit = () => {
    const targetDir = resolveTypedPath(dir, typed);
    if (!targetDir) return setProblem(t("fileops.move.badPath"));
    const plan = planMove(targets.map((x) => x.path), targetDir);
    if (plan.op === "none") return setProblem(t(plan.reason));
    if (plan.op === "move") onPlan(plan);
  };

  return (
    <Dialog
      title={t("fileops.move.title", { count: targets.length })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("fileops.cancel")}</Button>
          <Button variant="primary" type="submit" form={formId}>
            {t("fileops.move.submit")}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <NameSummary targets={targets} />
        <label className="flex flex-col gap-1">
          <span>{t("fileops.move.label")}</span>
          <input
            className={inputClass}
            value={typed}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem !== null}
            aria-describedby={`${formId}-hint ${formId}-msg`}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <p id={`${formId}-hint`} className={mutedTextClass}>
          {t("fileops.move.hint")}
        </p>
        <p id={`${formId}-msg`} role="alert" className={errorTextClass}>
          {problem ?? ""}
        </p>
      </form>
    </Dialog>
  );
}
