"use client";

import { useLocale, useT } from "@/lib/i18n";
import type { RemoteEntry } from "@/lib/schemas/entry";
import { formatDate, humanSize, ownerGroup, shortOctal, symbolicMode } from "./format-entry";

/** Size: human-readable, the exact byte count on hover; nothing for folders. */
export function SizeText({ entry }: { entry: RemoteEntry }) {
  const t = useT();
  const { locale } = useLocale();
  if (entry.type === "dir" || entry.size === null) return null;
  return <span title={t("common.bytes", { count: entry.size, n: entry.size.toLocaleString(locale) })}>{humanSize(entry.size, locale)}</span>;
}

/** Modified: in the browser's time zone; the server's raw text when it gave no parseable date. */
export function ModifiedText({ entry }: { entry: RemoteEntry }) {
  const t = useT();
  const { locale } = useLocale();
  if (entry.modifiedAt) {
    return (
      <time dateTime={entry.modifiedAt} title={new Date(entry.modifiedAt).toString()}>
        {formatDate(entry.modifiedAt, locale)}
      </time>
    );
  }
  if (!entry.rawModifiedAt) return null;
  return <span title={t("browser.modified.raw")}>{entry.rawModifiedAt}</span>;
}

/** Permissions: "rwxr-xr-x 755". */
export function PermissionsText({ entry }: { entry: RemoteEntry }) {
  const symbolic = symbolicMode(entry.permissions);
  if (!entry.permissions) return null;
  return (
    <span className="font-mono text-xs whitespace-nowrap">
      {symbolic ?? ""} <span className="text-slate-500 dark:text-slate-400">{shortOctal(entry.permissions)}</span>
    </span>
  );
}

export function OwnerText({ entry }: { entry: RemoteEntry }) {
  const text = ownerGroup(entry.owner, entry.group);
  return text ? <span className="whitespace-nowrap">{text}</span> : null;
}
