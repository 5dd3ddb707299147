"use client";

import { usePathname } from "next/navigation";
import { BrowserProvider } from "@/components/browser/browser-context";
import { FilesView } from "@/components/browser/files-view";
import { pathFromFilesHref } from "@/lib/client/paths";

/** The browser for the remote folder named by the address (each segment URL-encoded). */
export function FilesPage() {
  const path = pathFromFilesHref(usePathname()) ?? "/";
  return (
    <BrowserProvider path={path}>
      <FilesView />
    </BrowserProvider>
  );
}
