"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n";
import { dragHasFiles, useDropUpload } from "./use-drop-upload";

/**
 * While files from the desktop are dragged over the page: a highlight and a banner saying where
 * they will go. A drop the shell did not take (outside the listing) uploads into the current
 * folder instead of letting the browser open the file and leave Ferry.
 */
export function DropHint({ path }: { path: string }) {
  const t = useT();
  const upload = useDropUpload();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every child element crossed
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      if (e.defaultPrevented) return; // a row or the listing already accepted it
      e.preventDefault(); // allow dropping anywhere on the page
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    // Captured: the listing stops the drop's propagation, and the highlight must go away all the same.
    const endDrag = () => {
      depth = 0;
      setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer) || !e.dataTransfer) return;
      if (e.defaultPrevented) return; // the listing or a folder row took it
      e.preventDefault();
      upload(path, e.dataTransfer);
    };
    window.addEventListener("dragenter", enter, true);
    window.addEventListener("dragleave", leave, true);
    window.addEventListener("drop", endDrag, true);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter, true);
      window.removeEventListener("dragleave", leave, true);
      window.removeEventListener("drop", endDrag, true);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [path, upload]);

  if (!dragging) return null;
  return (
    <div className="pointer-events-none fixed inset-0 z-40 border-4 border-dashed border-blue-500/80 bg-blue-500/5" data-testid="drop-hint">
      <p className="absolute inset-x-0 top-3 mx-auto w-fit max-w-[calc(100vw-2rem)] truncate rounded-full bg-blue-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg">
        {t("transfers.drop.hint", { dir: path })}
      </p>
    </div>
  );
}
