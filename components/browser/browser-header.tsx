"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { useT } from "@/lib/i18n";
import { useBrowser } from "./browser-context";

/** Top bar: the connection, the language, log out. */
export function BrowserHeader() {
  const t = useT();
  const router = useRouter();
  const { session, notify } = useBrowser();
  const [leaving, setLeaving] = useState(false);

  const logout = async () => {
    setLeaving(true);
    try {
      await api("DELETE", "/api/session", undefined, { redirectOnLogout: false });
      router.replace("/login");
    } catch (err) {
      setLeaving(false);
      notify(errorMessage(t, err), "error");
    }
  };

  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-2 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      <span className="text-lg font-bold tracking-tight">{t("common.appName")}</span>
      <span
        data-testid="connection"
        className="min-w-0 flex-1 truncate text-sm text-slate-600 dark:text-slate-400"
        title={session ? t("browser.connectedTitle", { host: session.host, port: session.port, user: session.user }) : undefined}
      >
        {session ? t("browser.connectedTo", { user: session.user, host: session.host }) : ""}
      </span>
      <LanguageSwitch />
      <Button variant="ghost" onClick={logout} disabled={leaving} data-testid="logout">
        {t("browser.logout")}
      </Button>
    </header>
  );
}
