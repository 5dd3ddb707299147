"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { api, ApiError } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { filesHref } from "@/lib/client/paths";
import { forgetSite, loadSavedSites, rememberSite, type SavedSite } from "@/lib/client/saved-sites";
import { useT } from "@/lib/i18n";
import type { LoginOptions, OfferedServer } from "@/lib/schemas/login-options";
import { filenameEncodings, tlsModes, type FilenameEncoding, type SessionInfo, type TlsMode, type TransferMode } from "@/lib/schemas/session";
import { CertificateDialog, type UntrustedCertificate } from "./certificate-dialog";
import { SavedSitesList } from "./saved-sites-list";

interface FormState {
  serverId: string;
  host: string;
  port: string;
  user: string;
  password: string;
  anonymous: boolean;
  tls: TlsMode;
  transferMode: TransferMode;
  encoding: FilenameEncoding;
  remember: boolean;
  trustedFingerprint?: string;
}

/** What browsers and servers conventionally take as an anonymous password (an e-mail-like string). */
const anonymousPassword = "ferry@example.com";

function initialState(options: LoginOptions): FormState {
  const server = options.freeHost ? undefined : options.servers[0];
  return {
    serverId: server?.id ?? "",
    host: server?.host ?? "",
    port: String(server?.port ?? 21),
    user: server?.demo ? "demo" : "",
    password: server?.demo ? "demo" : "",
    anonymous: false,
    tls: "none",
    transferMode: "passive",
    encoding: "auto",
    remember: false,
  };
}

export function LoginForm({ options, next, reason }: { options: LoginOptions; next: string | null; reason: string | null }) {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const [form, setForm] = useState<FormState>(() => initialState(options));
  const [sites, setSites] = useState<SavedSite[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [untrusted, setUntrusted] = useState<UntrustedCertificate | null>(null);

  // localStorage exists only in the browser: read it after the first render.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setSites(loadSavedSites()), []);

  const update = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const selectedServer: OfferedServer | undefined = options.servers.find((s) => s.id === form.serverId);

  const chooseServer = (serverId: string) => {
    const server = options.servers.find((s) => s.id === serverId);
    if (server) update({ serverId, host: server.host, port: String(server.port), ...(server.demo ? { user: "demo", password: "demo", anonymous: false } : {}) });
  };

  const applySite = (site: SavedSite) => {
    const server = options.servers.find((s) => s.host === site.host && s.port === site.port);
    setForm((f) => ({
      ...f,
      serverId: server?.id ?? f.serverId,
      host: site.host,
      port: String(site.port),
      user: site.user === "anonymous" ? "" : site.user,
      anonymous: site.user === "anonymous",
      password: site.user === "anonymous" ? anonymousPassword : "",
      tls: site.tls,
      transferMode: options.activeMode ? site.transferMode : "passive",
      encoding: site.encoding,
      trustedFingerprint: site.trustedFingerprint,
      remember: true,
    }));
    setError(null);
  };

  const changeTls = (tls: TlsMode) =>
    setForm((f) => ({
      ...f,
      tls,
      // Implicit FTPS lives on 990 by convention; move the port along when it is still a default.
      port: tls === "implicit" && f.port === "21" ? "990" : tls !== "implicit" && f.port === "990" ? "21" : f.port,
    }));

  async function connect(trustedFingerprint = form.trustedFingerprint) {
    setBusy(true);
    setError(null);
    const user = form.anonymous ? "anonymous" : form.user;
    const body = {
      host: form.host.trim(),
      port: Number(form.port) || 21,
      user,
      password: form.anonymous ? anonymousPassword : form.password,
      tls: form.tls,
      transferMode: form.transferMode,
      encoding: form.encoding,
      ...(trustedFingerprint ? { trustedFingerprint } : {}),
    };
    try {
      const session = await api<SessionInfo>("POST", "/api/session", body, { redirectOnLogout: false });
      if (form.remember) rememberSite({ ...body, trustedFingerprint });
      router.replace(next ?? filesHref(session.home));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === "tls_untrusted" && typeof err.details?.fingerprint256 === "string") {
        setUntrusted({ host: body.host, ...(err.details as unknown as UntrustedCertificate) });
        return;
      }
      setError(errorMessage(t, err));
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void connect();
  };

  const trust = () => {
    const fingerprint = untrusted?.fingerprint256;
    setUntrusted(null);
    update({ trustedFingerprint: fingerprint });
    void connect(fingerprint);
  };

  const reasonText = reason === "session_expired" || reason === "unauthenticated" ? t(`login.reason.${reason}`) : null;

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-5 px-4 py-8 sm:py-16">
      <header className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t("common.appName")}</h1>
        <LanguageSwitch />
      </header>

      {reasonText ? (
        <p role="status" data-testid="login-reason" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          {reasonText}
        </p>
      ) : null}

      <form onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-700 dark:bg-slate-900">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {t("login.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("login.subtitle")}</p>
        </div>

        {options.freeHost ? (
          <div className="grid grid-cols-[1fr_6rem] gap-3">
            <Field label={t("login.host")} htmlFor={`${id}-host`}>
              <input id={`${id}-host`} name="host" required autoComplete="off" spellCheck={false} placeholder={t("login.host.placeholder")} value={form.host} onChange={(e) => update({ host: e.target.value })} className={inputClass} />
            </Field>
            <Field label={t("login.port")} htmlFor={`${id}-port`}>
              <input id={`${id}-port`} name="port" required inputMode="numeric" pattern="[0-9]*" value={form.port} onChange={(e) => update({ port: e.target.value })} className={inputClass} />
            </Field>
          </div>
        ) : (
          <Field label={t("login.server")} htmlFor={`${id}-server`}>
            <select id={`${id}-server`} name="server" value={form.serverId} onChange={(e) => chooseServer(e.target.value)} className={inputClass}>
              {options.servers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label} ({s.host}:{s.port})
                </option>
              ))}
            </select>
          </Field>
        )}
        {selectedServer?.demo ? <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400">{t("login.demoHint")}</p> : null}

        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.anonymous} onChange={(e) => update({ anonymous: e.target.checked })} className="size-4 accent-blue-600" />
          {t("login.anonymous")}
        </label>

        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t("login.user")} htmlFor={`${id}-user`}>
            <input id={`${id}-user`} name="user" autoComplete="username" spellCheck={false} disabled={form.anonymous} value={form.anonymous ? "anonymous" : form.user} onChange={(e) => update({ user: e.target.value })} className={inputClass} />
          </Field>
          <Field label={t("login.password")} htmlFor={`${id}-password`}>
            <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" disabled={form.anonymous} value={form.anonymous ? anonymousPassword : form.password} onChange={(e) => update({ password: e.target.value })} className={inputClass} />
          </Field>
        </div>

        <Field label={t("login.tls")} htmlFor={`${id}-tls`}>
          <select id={`${id}-tls`} name="tls" value={form.tls} onChange={(e) => changeTls(e.target.value as TlsMode)} className={inputClass}>
            {tlsModes.map((mode) => (
              <option key={mode} value={mode}>
                {t(`login.tls.${mode}`)}
              </option>
            ))}
          </select>
        </Field>

        <details className="group rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
          <summary className="cursor-pointer text-sm font-medium select-none focus-visible:outline-2 focus-visible:outline-blue-500">{t("login.advanced")}</summary>
          <div className="mt-3 flex flex-col gap-3">
            <Field label={t("login.transferMode")} htmlFor={`${id}-mode`}>
              <select id={`${id}-mode`} name="transferMode" value={form.transferMode} onChange={(e) => update({ transferMode: e.target.value as TransferMode })} className={inputClass}>
                <option value="passive">{t("login.mode.passive")}</option>
                {options.activeMode ? <option value="active">{t("login.mode.active")}</option> : null}
              </select>
            </Field>
            <Field label={t("login.encoding")} htmlFor={`${id}-encoding`}>
              <select id={`${id}-encoding`} name="encoding" value={form.encoding} onChange={(e) => update({ encoding: e.target.value as FilenameEncoding })} className={inputClass}>
                {filenameEncodings.map((enc) => (
                  <option key={enc} value={enc}>
                    {t(`login.encoding.${enc}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </details>

        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="remember" checked={form.remember} onChange={(e) => update({ remember: e.target.checked })} className="mt-0.5 size-4 accent-blue-600" />
          {t("login.remember")}
        </label>

        {error ? (
          <div role="alert" data-testid="login-error" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100">
            <p className="font-semibold">{t("login.failed")}</p>
            <p>{error}</p>
          </div>
        ) : null}

        <Button type="submit" variant="primary" disabled={busy} className="py-2">
          {busy ? t("login.connecting") : t("login.connect")}
        </Button>
      </form>

      <SavedSitesList sites={sites} onUse={applySite} onForget={(key) => setSites(forgetSite(key))} />

      {untrusted ? <CertificateDialog cert={untrusted} onTrust={trust} onCancel={() => setUntrusted(null)} /> : null}
    </main>
  );
}

