import type { RemoteEntry } from "@/lib/schemas/entry";

export type SortKey = "name" | "size" | "modified" | "permissions" | "owner" | "target";
export interface SortOrder {
  key: SortKey;
  dir: "asc" | "desc";
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function compareBy(key: SortKey, a: RemoteEntry, b: RemoteEntry): number {
  switch (key) {
    case "name":
      return collator.compare(a.name, b.name);
    case "size":
      return (a.size ?? -1) - (b.size ?? -1);
    case "modified":
      return (a.modifiedAt ? Date.parse(a.modifiedAt) : -Infinity) - (b.modifiedAt ? Date.parse(b.modifiedAt) : -Infinity) || 0;
    case "permissions":
      return collator.compare(a.permissions ?? "", b.permissions ?? "");
    case "owner":
      return collator.compare(`${a.owner ?? ""}:${a.group ?? ""}`, `${b.owner ?? ""}:${b.group ?? ""}`);
    case "target":
      return collator.compare(a.target ?? "", b.target ?? "");
  }
}

/**
 * Folders first (in either direction), then by `order`; ties by name so the order is stable.
 * Dates the server gave no parseable form for sort as the oldest.
 */
export function sortEntries(entries: readonly RemoteEntry[], order: SortOrder): RemoteEntry[] {
  const sign = order.dir === "asc" ? 1 : -1;
  return [...entries].sort((a, b) => {
    const folders = Number(b.type === "dir") - Number(a.type === "dir");
    if (folders !== 0) return folders;
    const byKey = compareBy(order.key, a, b);
    if (Number.isNaN(byKey)) return 0;
    return byKey !== 0 ? sign * byKey : collator.compare(a.name, b.name);
  });
}

/** Entries whose name contains `filter` (case-insensitive, Unicode-normalised so composed Hangul matches). */
export function filterEntries(entries: readonly RemoteEntry[], filter: string): RemoteEntry[] {
  const needle = filter.trim().normalize("NFC").toLocaleLowerCase();
  if (!needle) return [...entries];
  return entries.filter((e) => e.name.normalize("NFC").toLocaleLowerCase().includes(needle));
}
