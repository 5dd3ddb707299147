"use client";
// "New folder" / "New file": asks for a name (a free one is suggested), creates it, selects it;
// a new file then opens in the editor (the viewer's useOpenEditor).
import { useId, useState } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useOpenEditor } from "@/components/viewer/open-entry";
import { joinPath } from "@/lib/client/paths";
import { useT } from "@/lib/i18n";
import { errorText } from "./error-text";
import { createFile, createFolder } from "./fileops-api";
import { freeName, nameProblem } from "./names";
import { errorTextClass, inputClass } from "./styles";

export function CreateDialog({ what, dir, taken, onClose }: { what: "folder" | "file"; dir: string; taken: string[]; onClose: () => void }) {
  const t = useT();
  const { refresh, setSelection, setFocused, notify } = useBrowser();
  const openEditor = useOpenEditor();
  const [name, setName] = useState(() => freeName(t(what === "folder" ? "fileops.create.defaultFolder" : "fileops.create.defaultFile"), taken));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const problem = nameProblem(name);

  const submit = async () => {
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    try {
      await (what === "folder" ? createFolder : createFile)(joinPath(dir, name));
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
      return;
    }
    onClose();
    await refresh();
    setSelection(new Set([name]));
    setFocused(name);
    notify(t(what === "folder" ? "fileops.create.folderDone" : "fileops.create.fileDone", { name }), "success");
    if (what === "file") openEditor(joinPath(dir, name));
  };

  return (
    <Dialog
      title={t(what === "folder" ? "fileops.create.folderTitle" : "fileops.create.fileTitle")}
      onClose={() => !busy && onClose()}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t("fileops.cancel")}
          </Button>
          <Button variant="primary" type="submit" form={formId} disabled={busy || problem !== null}>
            {t("fileops.create.submit")}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        className="flex flex-col gap-2"
      >
        <label className="flex flex-col gap-1">
          <span>{t("fileops.name.label")}</span>
          <input
            className={inputClass}
            value={name}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
            aria-invalid={problem !== null || error !== null}
            aria-describedby={`${formId}-msg`}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <p id={`${formId}-msg`} role="alert" className={errorTextClass}>
          {error ?? (problem && name !== "" ? t(problem) : "")}
        </p>
      </form>
    </Dialog>
  );
}
