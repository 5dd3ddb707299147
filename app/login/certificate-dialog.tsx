"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useLocale, useT } from "@/lib/i18n";

/** `error.details` of a 502 `tls_untrusted` (docs/api.md). */
export interface UntrustedCertificate {
  fingerprint256: string;
  subject?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  host?: string;
  reason?: string;
  /** Set when the server presented another certificate than the one trusted before. */
  expectedFingerprint256?: string;
}

/** Shows an untrusted certificate and lets the person trust exactly this one. */
export function CertificateDialog({ cert, onTrust, onCancel }: { cert: UntrustedCertificate; onTrust: () => void; onCancel: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const date = (iso?: string) => (iso ? new Date(iso).toLocaleString(locale) : "?");
  const changed = !!cert.expectedFingerprint256;
  return (
    <Dialog
      title={t("login.cert.title")}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>{t("common.cancel")}</Button>
          <Button variant={changed ? "danger" : "primary"} onClick={onTrust}>
            {changed ? t("login.cert.trustNew") : t("login.cert.trust")}
          </Button>
        </>
      }
    >
      {changed ? (
        <p role="alert" className="mb-3 rounded-md border border-amber-400 bg-amber-50 p-2 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-50">
          {t("login.cert.changed")}
        </p>
      ) : null}
      <p className="mb-3">{t("login.cert.intro", { host: cert.host ?? "" })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        <Row label={t("login.cert.fingerprint")} mono value={cert.fingerprint256} />
        {changed ? <Row label={t("login.cert.expected")} mono value={cert.expectedFingerprint256 ?? ""} /> : null}
        <Row label={t("login.cert.subject")} value={cert.subject ?? "?"} />
        <Row label={t("login.cert.issuer")} value={cert.issuer ?? "?"} />
        <Row label={t("login.cert.validity")} value={t("login.cert.validRange", { from: date(cert.validFrom), to: date(cert.validTo) })} />
        {cert.reason ? <Row label={t("login.cert.reason")} value={cert.reason} /> : null}
      </dl>
    </Dialog>
  );
}

function Row({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`min-w-0 break-all ${mono ? "font-mono text-xs" : ""}`}>{value}</dd>
    </>
  );
}
