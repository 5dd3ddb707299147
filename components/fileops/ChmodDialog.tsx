"use client";
// Permissions (SITE CHMOD): a mode for the chosen items and, for folders, optionally separate
// modes for the files and folders inside. A server without SITE CHMOD gets a plain sentence.
import { useState } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiError } from "@/lib/client/api";
import { useT } from "@/lib/i18n";
import { BatchFooter } from "./BatchFooter";
import { BatchStatus } from "./BatchStatus";
import type { Target } from "./fileops-store";
import { ModeEditor } from "./ModeEditor";
import { NameSummary } from "./NameSummary";
import { formatOctal, modeOfEntry } from "./permissions";
import { useBatchRun } from "./use-batch-run";

export function ChmodDialog({ targets, onClose }: { targets: Target[]; onClose: () => void }) {
  const t = useT();
  const { refresh, notify } = useBrowser();
  const first = targets[0]?.entry;
  const hasFolders = targets.some((x) => x.entry.type === "dir");
  const [mode, setMode] = useState(() => modeOfEntry(first?.permissions) ?? (first?.type === "dir" ? 0o755 : 0o644));
  const [recursive, setRecursive] = useState(false);
  const [applyFiles, setApplyFiles] = useState(true);
  const [applyDirs, setApplyDirs] = useState(true);
  const [fileMode, setFileMode] = useState(0o644);
  const [dirMode, setDirMode] = useState(0o755);
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const { progress, start, cancel } = useBatchRun((outcome) => {
    void refresh();
    if (outcome.failed.length === 0 && outcome.stopped === null) {
      notify(t("fileops.chmod.done", { count: outcome.done.length }), "success");
      onClose();
    }
  });
  const validity = (key: string) => (valid: boolean) => setInvalid((m) => ({ ...m, [key]: !valid }));
  const anyInvalid = Object.values(invalid).some(Boolean);
  const editing = progress.phase === "idle";
  const running = progress.phase === "running";
  const unsupported = progress.phase === "failed" && progress.error instanceof ApiError && progress.error.code === "not_supported";

  const submit = () => {
    if (anyInvalid) return;
    const paths = targets.map((x) => x.path);
    if (recursive && hasFolders) {
      void start("chmod", { paths, mode: formatOctal(mode), recursive: true, fileMode: applyFiles ? formatOctal(fileMode) : undefined, dirMode: applyDirs ? formatOctal(dirMode) : undefined });
    } else void start("chmod", { paths, mode: formatOctal(mode), recursive: false });
  };

  return (
    <Dialog
      title={targets.length === 1 ? t("fileops.chmod.titleOne", { name: first?.name ?? "" }) : t("fileops.chmod.title", { count: targets.length })}
      onClose={() => (running ? cancel() : onClose())}
      footer={
        <BatchFooter
          phase={progress.phase}
          onStop={cancel}
          onClose={onClose}
          before={
            <>
              <Button onClick={onClose}>{t("fileops.cancel")}</Button>
              <Button variant="primary" onClick={submit} disabled={anyInvalid}>
                {t("fileops.chmod.submit")}
              </Button>
            </>
          }
        />
      }
    >
      {editing ? (
        <div className="flex max-h-[60dvh] flex-col gap-3 overflow-y-auto">
          {targets.length > 1 ? <NameSummary targets={targets} limit={4} /> : null}
          <ModeEditor label={t(hasFolders && recursive ? "fileops.chmod.modeChosen" : "fileops.chmod.mode")} mode={mode} onChange={setMode} onValidity={validity("mode")} />
          {hasFolders ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" className="size-4 accent-blue-600" checked={recursive} onChange={(e) => {
                  setRecursive(e.target.checked);
                  setInvalid((m) => ({ ...m, file: false, dir: false }));
                }} />
              <span>{t("fileops.chmod.recursive")}</span>
            </label>
          ) : null}
          {hasFolders && recursive ? (
            <>
              <label className="flex items-center gap-2">
                <input type="checkbox" className="size-4 accent-blue-600" checked={applyFiles} onChange={(e) => {
                    setApplyFiles(e.target.checked);
                    setInvalid((m) => ({ ...m, file: false }));
                  }} />
                <span>{t("fileops.chmod.applyFiles")}</span>
              </label>
              {applyFiles ? <ModeEditor label={t("fileops.chmod.fileMode")} mode={fileMode} onChange={setFileMode} onValidity={validity("file")} /> : null}
              <label className="flex items-center gap-2">
                <input type="checkbox" className="size-4 accent-blue-600" checked={applyDirs} onChange={(e) => {
                    setApplyDirs(e.target.checked);
                    setInvalid((m) => ({ ...m, dir: false }));
                  }} />
                <span>{t("fileops.chmod.applyDirs")}</span>
              </label>
              {applyDirs ? <ModeEditor label={t("fileops.chmod.dirMode")} mode={dirMode} onChange={setDirMode} onValidity={validity("dir")} /> : null}
            </>
          ) : null}
        </div>
      ) : unsupported ? (
        <p role="alert" className="text-sm">
          {t("fileops.chmod.unsupported")}
        </p>
      ) : (
        <BatchStatus progress={progress} doneKey="fileops.chmod.progress" />
      )}
    </Dialog>
  );
}
