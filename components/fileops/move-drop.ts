"use client";
// Rows dropped on a folder row or a breadcrumb: the shell calls the handler with absolute paths
// (from its `application/x-ferry-paths` drag data); the move runs with progress in a dialog.
import { useFileOpsActions } from "./use-fileops-actions";

export function useMoveDrop(): (targetDir: string, paths: string[]) => void {
  return useFileOpsActions().drop;
}
