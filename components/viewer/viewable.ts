// Which listing entries the viewer opens, and how. Shared by useOpenEntry (in the listing's
// bundle, so keep it small) and the viewer itself.
import { previewTypeOf, type PreviewKind } from "@/lib/preview/preview-types";

export type ViewKind = PreviewKind;

/** The fields of a listing entry the viewer needs. */
export interface ViewableEntry {
  name: string;
  type: "file" | "dir" | "link" | "unknown";
  size: number | null;
}

/**
 * How the viewer shows `name`, or null to download it instead.
 * SVG is shown as an image (only ever in <img>, where its scripts never run); HTML as text.
 * A name without an extension, or a dotfile such as `.bashrc`, is tried as text: the editor's
 * binary check answers with an offer to download if it is not.
 */
export function viewKindOf(name: string): ViewKind | null {
  if (/\.svg$/i.test(name)) return "image";
  const known = previewTypeOf(name);
  if (known) return known.kind;
  return name.lastIndexOf(".") <= 0 ? "text" : null;
}

/** True for a file (or a link, which the server resolves) that the viewer can show. */
export function isViewable(entry: ViewableEntry): boolean {
  return (entry.type === "file" || entry.type === "link") && viewKindOf(entry.name) !== null;
}

/** Inline address of a remote file, sandboxed by the server (GET /api/fs/preview). */
export function previewHref(path: string): string {
  return `/api/fs/preview?path=${encodeURIComponent(path)}`;
}
