"use client";

import type { RemoteEntry } from "@/lib/schemas/entry";

// Placeholder from ui-shell; owner: viewer-ui.
// <ViewerHost /> is rendered once inside <BrowserProvider>; useOpenEntry() gives the function the shell
// calls when a file (or a link to a file) is activated: true if it opened a preview/editor, false to download.

export function ViewerHost(): React.ReactNode {
  return null;
}

export function useOpenEntry(): (entry: RemoteEntry) => boolean {
  return notOpened;
}

function notOpened(_entry: RemoteEntry): boolean {
  return false;
}
