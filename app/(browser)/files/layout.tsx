import type { ReactNode } from "react";
import { FilesPage } from "./files-page";

// The browser lives in the layout, so it stays mounted while the user moves between folders
// (Next remounts a page whenever its params change): the session, sort order, filter and the
// keyboard cursor's "folder we came from" survive navigation. The page below renders nothing.
export default function FilesLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <FilesPage />
      {children}
    </>
  );
}
