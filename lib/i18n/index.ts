// Client-side i18n: `useT()` in components; catalogues live in ./messages/<area>.ts.
export { I18nProvider, useLocale, useT, type Translate } from "./i18n-provider";
export { locales, pickLocale, isLocale, localeStorageKey, type Locale } from "./locales";
export { translate, type Vars } from "./translate";
