"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { localeStorageKey, isLocale, pickLocale, type Locale } from "./locales";
import { messages } from "./messages";
import { translate, type Vars } from "./translate";

export type Translate = (key: string, vars?: Vars) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/**
 * Gives the tree a language. `initialLocale` comes from the server (the saved choice's
 * cookie, else Accept-Language) so the first render matches; after mounting, a choice saved
 * in localStorage or, failing that, navigator.languages wins.
 */
export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    const saved = safeStorageGet(localeStorageKey);
    const wanted = isLocale(saved) ? saved : pickLocale(navigator.languages);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's preference is only known after mount
    if (wanted !== initialLocale) setLocaleState(wanted);
  }, [initialLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(localeStorageKey, next);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
    document.cookie = `${localeStorageKey}=${next}; path=/; max-age=31536000; samesite=lax`;
  }, []);

  const value = useMemo<I18nValue>(() => {
    const catalog = messages[locale];
    return { locale, setLocale, t: (key, vars) => translate(catalog, key, vars) };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() needs <I18nProvider> above it (app/layout.tsx renders one).");
  return value;
}

/** `t(key, vars?)`: the text of a catalogue key in the current language. */
export function useT(): Translate {
  return useI18n().t;
}

/** The current language and a setter that remembers the choice. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}
