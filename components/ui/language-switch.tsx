"use client";

import { locales, useLocale, useT, type Locale } from "@/lib/i18n";

/** A small select that switches the UI language and remembers the choice. */
export function LanguageSwitch({ className = "" }: { className?: string }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <label className={`inline-flex items-center gap-1 text-sm ${className}`}>
      <span className="sr-only">{t("common.language")}</span>
      <select
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        data-testid="language-switch"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {t(`common.language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
