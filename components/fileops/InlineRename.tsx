"use client";

import type { RemoteEntry } from "@/lib/schemas/entry";

// Placeholder from ui-shell; owner: fileops-ui. Rendered in the name cell of the row whose
// name equals useBrowser().renaming; call setRenaming(null) when done or cancelled.
export function InlineRename(_props: { entry: RemoteEntry }): React.ReactNode {
  return null;
}
