"use client";

import { useT } from "@/lib/i18n";
import { languageKeyOf } from "./language-for";
import type { OpenedText } from "./text-file-api";

/** The editor's bottom line: cursor, encoding, line endings, language, read-only. */
export function TextStatusBar({ text, name, editing, cursor }: { text: OpenedText; name: string; editing: boolean; cursor: { line: number; column: number } }) {
  const t = useT();
  const language = languageKeyOf(name);
  const parts = [
    t("viewer.cursor", cursor),
    text.bom ? t("viewer.encodingBom") : t("viewer.encoding"),
    text.lineEnding === "crlf" ? "CRLF" : text.lineEnding === "mixed" ? t("viewer.mixedLineEndings") : "LF",
    language ? language.toUpperCase() : t("viewer.plainText"),
  ];
  if (!editing) parts.push(t("viewer.readOnly"));
  return (
    <p className="flex flex-wrap gap-x-3 border-t border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400" data-testid="text-status">
      {parts.map((part) => (
        <span key={part}>{part}</span>
      ))}
    </p>
  );
}
