import "server-only";
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { checkServerIdentity, rootCertificates, type ConnectionOptions, type DetailedPeerCertificate, type PeerCertificate } from "node:tls";
import { env } from "@/lib/env";
import type { CheckedTarget } from "@/lib/security/resolve-target";

let caFiles: { setting: string; pems: string[] } | undefined;

/** The PEM certificates of FTP_CA_FILES, read once per setting; a missing file fails loudly. */
function extraCas(): string[] {
  const setting = env().FTP_CA_FILES;
  if (caFiles?.setting !== setting) {
    const paths = setting.split(",").map((p) => p.trim()).filter(Boolean);
    const pems = paths.map((path) => {
      try {
        return readFileSync(path, "utf8");
      } catch (err) {
        throw new Error(`FTP_CA_FILES: cannot read ${path}: ${(err as Error).message}`);
      }
    });
    caFiles = { setting, pems };
  }
  return caFiles.pems;
}

/** A certificate the user trusted: its chain as PEM (leaf first) and the fingerprints in it. */
interface TrustedChain {
  pems: string[];
  fingerprints: Set<string>;
}

// Chains seen when a user trusted a fingerprint, so pool reconnects need no second look. Bounded.
const holder = globalThis as { __ferryTrustedChains?: Map<string, TrustedChain> };
const trustedChains = (holder.__ferryTrustedChains ??= new Map());

/** Remembers the chain a server presented for a fingerprint the user trusted. */
export function rememberTrustedChain(fingerprint: string, pems: string[]): void {
  if (trustedChains.size >= 1000) trustedChains.delete(trustedChains.keys().next().value!);
  trustedChains.set(fingerprint, { pems, fingerprints: new Set(pems.map((pem) => new X509Certificate(pem).fingerprint256)) });
}

/** Whether a chain for this fingerprint is known (so a connection can be verified against it). */
export function hasTrustedChain(fingerprint: string): boolean {
  return trustedChains.has(fingerprint);
}

/** Fingerprints of a presented chain, leaf first. */
export function chainFingerprints(cert: PeerCertificate): string[] {
  const seen: string[] = [];
  let current: DetailedPeerCertificate | undefined = cert as DetailedPeerCertificate;
  while (current?.fingerprint256 && !seen.includes(current.fingerprint256) && seen.length < 10) {
    seen.push(current.fingerprint256);
    current = current.issuerCertificate;
  }
  return seen;
}

/**
 * The identity check: Node's name check, except that the exact certificate the
 * user trusted passes whatever its name. A trusted chain sits in `ca` only to
 * vouch for that one certificate: another leaf anchored on it is refused.
 */
function checkIdentity(hostname: string, cert: PeerCertificate, pinned: string | undefined): Error | undefined {
  if (pinned && cert.fingerprint256 === pinned) return undefined;
  const chain = pinned ? trustedChains.get(pinned) : undefined;
  if (chain && chainFingerprints(cert).some((fp) => chain.fingerprints.has(fp))) {
    return Object.assign(new Error(`certificate ${cert.fingerprint256} is not the trusted ${pinned}`), { code: "CERT_PIN_MISMATCH" });
  }
  return checkServerIdentity(hostname, cert);
}

/**
 * TLS options for the control connection; basic-ftp reuses them (with the
 * control connection's TLS session) for every data connection, so both are
 * verified the same way. Certificates are always verified: Node's CAs plus
 * FTP_CA_FILES, plus the chain of a certificate the user trusted by fingerprint.
 * `host` is the checked IP (tls.connect would otherwise resolve the name again);
 * `servername` carries the name for SNI and the certificate check.
 */
export function tlsOptionsFor(target: CheckedTarget, pinned?: string): ConnectionOptions {
  const extra = extraCas();
  const chain = pinned ? trustedChains.get(pinned) : undefined;
  const ca = extra.length > 0 || chain ? [...rootCertificates, ...extra, ...(chain?.pems ?? [])] : undefined;
  return {
    host: target.address,
    servername: target.servername,
    ca,
    rejectUnauthorized: true,
    minVersion: "TLSv1.2",
    checkServerIdentity: (hostname, cert) => checkIdentity(hostname, cert, pinned),
  };
}
