"use client";

// Placeholder from ui-shell; owner: fileops-ui. A hook (so it can use useBrowser()) returning the
// handler the shell calls when rows (absolute `paths`) are dropped on a folder row or a breadcrumb.
export function useMoveDrop(): (targetDir: string, paths: string[]) => void {
  return noop;
}

function noop(_targetDir: string, _paths: string[]): void {}
