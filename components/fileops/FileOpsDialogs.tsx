"use client";
// The one place the fileops dialogs render (inside the toolbar, which the shell always shows);
// focus goes back to what opened a dialog when it closes.
import { useEffect } from "react";
import { useBrowser } from "@/components/browser/browser-context";
import { ChmodDialog } from "./ChmodDialog";
import { CreateDialog } from "./CreateDialog";
import { DeleteDialog } from "./DeleteDialog";
import { ExtractDialog } from "./ExtractDialog";
import { clearReveal, closeDialog, openDialog, takeOpener, useFileOpsState } from "./fileops-store";
import { MoveDialog } from "./MoveDialog";
import { PropertiesDialog } from "./PropertiesDialog";
import { SearchDialog } from "./SearchDialog";
import { TransferDialog } from "./TransferDialog";

export function FileOpsDialogs() {
  const { dialog, reveal } = useFileOpsState();
  const { path, entries, loading, setSelection, setFocused } = useBrowser();
  const isOpen = dialog !== null;

  useEffect(() => {
    if (isOpen) return;
    const back = takeOpener();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }, [isOpen]);

  // A search hit in another folder: select it once that folder's listing has arrived.
  useEffect(() => {
    if (!reveal || reveal.dir !== path || loading) return;
    if (entries.some((e) => e.name === reveal.name)) {
      setSelection(new Set([reveal.name]));
      setFocused(reveal.name);
    }
    clearReveal();
  }, [reveal, path, loading, entries, setSelection, setFocused]);

  if (!dialog) return null;
  switch (dialog.kind) {
    case "create":
      return <CreateDialog what={dialog.what} dir={dialog.dir} taken={dialog.taken} onClose={closeDialog} />;
    case "move":
      return <MoveDialog targets={dialog.targets} dir={dialog.dir} onClose={closeDialog} onPlan={(plan) => openDialog({ kind: "transfer", plan, clearClipboard: false })} />;
    case "transfer":
      return <TransferDialog plan={dialog.plan} clearClipboard={dialog.clearClipboard} onClose={closeDialog} />;
    case "delete":
      return <DeleteDialog targets={dialog.targets} onClose={closeDialog} />;
    case "chmod":
      return <ChmodDialog targets={dialog.targets} onClose={closeDialog} />;
    case "properties":
      return <PropertiesDialog target={dialog.target} onClose={closeDialog} />;
    case "search":
      return <SearchDialog dir={dialog.dir} onClose={closeDialog} />;
    case "extract":
      return <ExtractDialog target={dialog.target} dir={dialog.dir} onClose={closeDialog} />;
  }
}
