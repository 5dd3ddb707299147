import "server-only";
import { FileType, type FileInfo } from "basic-ftp";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { parseListDate } from "./parse-list-date";

const types: Record<number, RemoteEntry["type"]> = {
  [FileType.File]: "file",
  [FileType.Directory]: "dir",
  [FileType.SymbolicLink]: "link",
};

/** A server name that could not be a single entry of this folder: dropped, never shown. */
export function isListableName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\0\r\n]/.test(name);
}

/** Maps basic-ftp's FileInfo to the API's entry shape. */
export function toRemoteEntry(info: FileInfo, now: Date): RemoteEntry {
  const type = types[info.type] ?? "unknown";
  const modified = info.modifiedAt ?? (info.rawModifiedAt ? parseListDate(info.rawModifiedAt, now) : undefined);
  const p = info.permissions;
  return {
    name: info.name,
    type,
    size: type === "dir" || !Number.isFinite(info.size) ? null : info.size,
    modifiedAt: modified ? modified.toISOString() : null,
    rawModifiedAt: info.rawModifiedAt || null,
    permissions: p ? `0${p.user}${p.group}${p.world}` : null,
    owner: info.user || null,
    group: info.group || null,
    target: info.link || null,
  };
}
