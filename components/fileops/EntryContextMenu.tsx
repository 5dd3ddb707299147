"use client";

import type { RemoteEntry } from "@/lib/schemas/entry";

// Placeholder from ui-shell; owner: fileops-ui. The shell renders it on a row's context menu
// (right-click, or the Menu key / Shift+F10 on the focused row) at viewport coordinates x, y.
export interface EntryContextMenuProps {
  entry: RemoteEntry;
  x: number;
  y: number;
  onClose: () => void;
}

export function EntryContextMenu(_props: EntryContextMenuProps): React.ReactNode {
  return null;
}
