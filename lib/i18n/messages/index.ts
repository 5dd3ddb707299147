import type { Locale } from "../locales";
import { browser } from "./browser";
import { common } from "./common";
import { fileops } from "./fileops";
import { login } from "./login";
import { transfers } from "./transfers";
import { viewer } from "./viewer";

/** Every area's catalogue; each has `en` and `ko` with the same keys (test/unit/i18n-catalogues.test.ts). */
export const areas = { common, login, browser, fileops, viewer, transfers } as const;

export type AreaName = keyof typeof areas;

function merge(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(areas).map((area) => area[locale] as Record<string, string>));
}

/** All messages of each language, areas merged (keys are prefixed by area, so none collide). */
export const messages: Record<Locale, Readonly<Record<string, string>>> = { en: merge("en"), ko: merge("ko") };
