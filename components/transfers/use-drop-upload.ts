"use client";

// Placeholder from ui-shell; owner: transfers-ui. A hook returning the handler the shell calls when files
// from the desktop are dropped on the listing (targetDir = current folder) or on a folder row.
export function useDropUpload(): (targetDir: string, dataTransfer: DataTransfer) => void {
  return noop;
}

function noop(_targetDir: string, _dataTransfer: DataTransfer): void {}
