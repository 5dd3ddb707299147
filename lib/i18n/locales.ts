/** Languages Ferry speaks. The first is the fallback. */
export const locales = ["en", "ko"] as const;
export type Locale = (typeof locales)[number];

/** localStorage key (and cookie name, so the server renders the same language) of the user's choice. */
export const localeStorageKey = "ferry-lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The first supported language in a preference list ("ko-KR" matches "ko").
 * Accepts navigator.languages or an Accept-Language header value.
 */
export function pickLocale(preferences: readonly string[] | string | null | undefined): Locale {
  const list = typeof preferences === "string" ? preferences.split(",").map((p) => p.split(";")[0]!.trim()) : (preferences ?? []);
  for (const tag of list) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return locales[0];
}
