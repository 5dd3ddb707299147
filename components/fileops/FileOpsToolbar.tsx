"use client";

// Placeholder from ui-shell; owner: fileops-ui. The shell renders it above the listing.
// Toolbar buttons: new folder/file, rename, move, copy, delete, chmod, properties, search. Read state with useBrowser().
export function FileOpsToolbar(): React.ReactNode {
  return null;
}
