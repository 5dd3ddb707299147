"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { useT } from "@/lib/i18n";

// No inline styles or scripts here: the page CSP blocks them (Next's default 404 page uses some).
export default function NotFound() {
  const t = useT();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-start justify-center gap-3 px-4">
      <h1 className="text-2xl font-bold">{t("common.notFound.title")}</h1>
      <p className="text-slate-600 dark:text-slate-400">{t("common.notFound.body")}</p>
      <Link href="/" className={buttonClass("primary")}>
        {t("common.notFound.home")}
      </Link>
    </main>
  );
}
