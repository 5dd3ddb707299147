"use client";

import { useT } from "@/lib/i18n";
import { siteKey, type SavedSite } from "@/lib/client/saved-sites";

/** The remembered sites: click one to fill the form, × to forget it. */
export function SavedSitesList({ sites, onUse, onForget }: { sites: SavedSite[]; onUse: (site: SavedSite) => void; onForget: (key: string) => void }) {
  const t = useT();
  if (sites.length === 0) return null;
  return (
    <section aria-labelledby="saved-sites-title" className="flex flex-col gap-2">
      <h2 id="saved-sites-title" className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        {t("login.saved.title")}
      </h2>
      <ul className="flex flex-col gap-1" data-testid="saved-sites">
        {sites.map((site) => {
          const key = siteKey(site);
          return (
            <li key={key} className="flex items-center gap-1 rounded-md border border-slate-200 dark:border-slate-700">
              <button
                type="button"
                onClick={() => onUse(site)}
                aria-label={t("login.saved.use", { site: key })}
                className="min-w-0 flex-1 truncate rounded-l-md px-2.5 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-slate-800"
              >
                <span className="font-medium">{key}</span>
                <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
                  {t(`login.tls.${site.tls}`)}
                  {site.trustedFingerprint ? ` · ${t("login.saved.trusted")}` : ""}
                </span>
              </button>
              <button
                type="button"
                onClick={() => onForget(key)}
                aria-label={t("login.saved.delete", { site: key })}
                title={t("login.saved.delete", { site: key })}
                className="rounded-r-md px-2.5 py-1.5 text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-red-950 dark:hover:text-red-300"
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
