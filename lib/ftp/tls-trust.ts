import "server-only";
import { X509Certificate } from "node:crypto";
import type { ConnectionOptions, DetailedPeerCertificate, TLSSocket } from "node:tls";
import { Client } from "basic-ftp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import type { TlsMode } from "@/lib/schemas/session";
import type { CheckedTarget } from "@/lib/security/resolve-target";
import { hasTrustedChain, rememberTrustedChain, tlsOptionsFor } from "./tls-options";

/** Verification failures a user may override by trusting the exact certificate. */
const overridable = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_UNTRUSTED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_PIN_MISMATCH",
]);
const outOfDate = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);

function certificateErrorCode(err: unknown): string | undefined {
  const cause = err instanceof AppError ? err.cause : err;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code && (overridable.has(code) || outOfDate.has(code)) ? code : undefined;
}

/**
 * Reads the certificate a server presents, to show it to the user. The only
 * connection Ferry opens without verifying: it sends nothing but `AUTH TLS`
 * (explicit TLS), never a user name or password, and closes at once.
 */
async function probeCertificate(target: CheckedTarget, mode: TlsMode): Promise<DetailedPeerCertificate> {
  const probe = new Client(env().FTP_TIMEOUT_SECONDS * 1000, { allowSeparateTransferHost: false });
  const options: ConnectionOptions = { ...tlsOptionsFor(target), rejectUnauthorized: false };
  try {
    if (mode === "implicit") await probe.connectImplicitTLS(target.address, target.port, options);
    else {
      await probe.connect(target.address, target.port);
      await probe.useTLS(options);
    }
    return (probe.ftp.socket as TLSSocket).getPeerCertificate(true);
  } finally {
    probe.close();
  }
}

/** The chain a server presented, as PEM, leaf first. */
function chainPems(cert: DetailedPeerCertificate): string[] {
  const pems: string[] = [];
  const seen = new Set<string>();
  for (let c: DetailedPeerCertificate | undefined = cert; c?.raw && !seen.has(c.fingerprint256) && pems.length < 10; c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    pems.push(new X509Certificate(c.raw).toString());
  }
  return pems;
}

/** What the login form shows about a certificate (`error.details` of `tls_untrusted`). */
export interface CertificateDetails {
  /** SHA-256 of the DER certificate, colon-separated upper-case hex: what `trustedFingerprint` takes. */
  fingerprint256: string;
  subject: string;
  issuer: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
}

/** The facts of a certificate a person can compare with what the server's admin says. */
export function certificateDetails(cert: DetailedPeerCertificate): CertificateDetails {
  const x509 = new X509Certificate(cert.raw);
  const oneLine = (dn: string) => dn.split("\n").join(", ");
  return {
    fingerprint256: x509.fingerprint256,
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
  };
}

function refusal(code: string, cert: DetailedPeerCertificate, target: CheckedTarget, pinned: string | undefined): AppError {
  const details = { ...certificateDetails(cert), host: target.host, reason: code };
  if (outOfDate.has(code)) {
    const when = code === "CERT_HAS_EXPIRED" ? `expired on ${details.validTo}` : `is not valid before ${details.validFrom}`;
    return new AppError("tls_error", `The server's certificate ${when}, so Ferry cannot use it, even if trusted.`, { details });
  }
  if (pinned && pinned !== details.fingerprint256) {
    return new AppError(
      "tls_untrusted",
      `The server's certificate has changed. You trusted the one with SHA-256 fingerprint ${pinned}, but the server now presents ${details.fingerprint256}. Someone may be intercepting the connection: trust the new certificate only if the server's admin confirms it.`,
      { details: { ...details, expectedFingerprint256: pinned } },
    );
  }
  const why = code === "ERR_TLS_CERT_ALTNAME_INVALID" ? "it was issued for another name" : "it is self-signed or from an unknown issuer";
  return new AppError("tls_untrusted", `The server's certificate is not trusted (${why}). Compare its fingerprint with the one the server's admin gives you before trusting it.`, { details });
}

function unverifiable(cause: unknown): AppError {
  return new AppError("tls_error", "Ferry could not verify even the certificate you trusted (the server may not send its whole certificate chain).", { cause });
}

/**
 * Runs `open` with verified TLS options. When verification fails, looks at the
 * certificate: if it is the one the user trusted (`pinned`, a SHA-256
 * fingerprint), remembers its chain and connects again, verifying against it;
 * otherwise throws 502 `tls_untrusted` with the certificate in `details`
 * (naming both fingerprints when a trusted certificate was replaced), or
 * `tls_error` for an expired one.
 */
export async function withCertificateTrust<T>(target: CheckedTarget, mode: TlsMode, pinned: string | undefined, open: (tls: ConnectionOptions) => Promise<T>): Promise<T> {
  const fingerprint = pinned?.toUpperCase();
  try {
    return await open(tlsOptionsFor(target, fingerprint));
  } catch (err) {
    const code = certificateErrorCode(err);
    if (!code) throw err;
    const cert = await probeCertificate(target, mode).catch(() => undefined);
    if (!cert?.raw) throw err;
    const presented = cert.fingerprint256;
    if (fingerprint !== presented || outOfDate.has(code)) throw refusal(code, cert, target, fingerprint);
    // The trusted chain was already in use and still failed: asking again would loop.
    if (hasTrustedChain(presented)) throw unverifiable(err);
    rememberTrustedChain(presented, chainPems(cert));
    try {
      return await open(tlsOptionsFor(target, presented));
    } catch (retryErr) {
      throw certificateErrorCode(retryErr) ? unverifiable(retryErr) : retryErr;
    }
  }
}
