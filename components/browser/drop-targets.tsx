"use client";

import { createContext, useContext, useMemo, useState, type DragEvent, type ReactNode } from "react";
import { useMoveDrop } from "@/components/fileops/move-drop";
import { useDropUpload } from "@/components/transfers/use-drop-upload";
import { parentPath } from "@/lib/client/paths";

/** The drag type of Ferry's own rows: a JSON array of absolute remote paths. */
export const ferryPathsType = "application/x-ferry-paths";

interface DropHandlers {
  moveDrop: (targetDir: string, paths: string[]) => void;
  dropUpload: (targetDir: string, dataTransfer: DataTransfer) => void;
}

const DropContext = createContext<DropHandlers | null>(null);

/** Calls the fileops and transfers hooks once for the whole listing. */
export function DropHandlersProvider({ children }: { children: ReactNode }) {
  const moveDrop = useMoveDrop();
  const dropUpload = useDropUpload();
  const value = useMemo(() => ({ moveDrop, dropUpload }), [moveDrop, dropUpload]);
  return <DropContext.Provider value={value}>{children}</DropContext.Provider>;
}

function dragKind(e: DragEvent): "paths" | "files" | null {
  const types = [...e.dataTransfer.types];
  if (types.includes(ferryPathsType)) return "paths";
  if (types.includes("Files")) return "files";
  return null;
}

/**
 * Makes an element a drop target for `targetDir`: Ferry rows are moved there (fileops' useMoveDrop),
 * desktop files are uploaded there (transfers' useDropUpload). `isOver` highlights it.
 */
export function useDropTarget(targetDir: string | null) {
  const handlers = useContext(DropContext);
  const [isOver, setOver] = useState(false);
  if (!handlers || targetDir === null) return { isOver: false, dropProps: {} };
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      const kind = dragKind(e);
      if (!kind) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = kind === "paths" ? "move" : "copy";
      if (!isOver) setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      const kind = dragKind(e);
      setOver(false);
      if (!kind) return;
      e.preventDefault();
      e.stopPropagation();
      if (kind === "files") return handlers.dropUpload(targetDir, e.dataTransfer);
      let paths: string[] = [];
      try {
        paths = (JSON.parse(e.dataTransfer.getData(ferryPathsType)) as unknown[]).filter((p): p is string => typeof p === "string");
      } catch {
        return;
      }
      // Dropping into itself, into a folder being dragged, or where the items already are: nothing to do.
      const moving = paths.filter((p) => p !== targetDir && !targetDir.startsWith(`${p}/`) && parentPath(p) !== targetDir);
      if (moving.length) handlers.moveDrop(targetDir, moving);
    },
  };
  return { isOver, dropProps };
}
