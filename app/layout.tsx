import type { ReactNode } from "react";
import { cookies, headers } from "next/headers";
import { ToastProvider } from "@/components/ui/toast";
import { I18nProvider } from "@/lib/i18n/i18n-provider";
import { isLocale, localeStorageKey, pickLocale } from "@/lib/i18n/locales";
import "./globals.css";

export const metadata = { title: "Ferry" };

// Every page renders per request, so Next can put proxy.ts's CSP nonce on its scripts;
// a page prerendered at build time would carry none and its scripts would be blocked.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The saved language choice (a cookie mirrors localStorage), else the browser's languages,
  // so the server's first render already speaks the right language.
  const saved = (await cookies()).get(localeStorageKey)?.value;
  const locale = isLocale(saved) ? saved : pickLocale((await headers()).get("accept-language"));
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <I18nProvider initialLocale={locale}>
          <ToastProvider>{children}</ToastProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
