// "Saved sites": connection settings remembered in this browser's localStorage. Never the password.
import type { SessionInfo } from "@/lib/schemas/session";

/** The connection settings of a session (no secrets), plus a trusted certificate. */
export interface SavedSite extends Pick<SessionInfo, "host" | "port" | "user" | "tls" | "transferMode" | "encoding"> {
  /** SHA-256 fingerprint of a certificate the user chose to trust for this host. */
  trustedFingerprint?: string;
}

const storageKey = "ferry-sites";

/** A site's identity: the same host, port and user is the same site. */
export function siteKey(site: Pick<SavedSite, "host" | "port" | "user">): string {
  return `${site.user}@${site.host.toLowerCase()}:${site.port}`;
}

export function loadSavedSites(): SavedSite[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isSavedSite) : [];
  } catch {
    return [];
  }
}

/** Adds or updates `site` (most recent first); only the listed fields are written, so no password can slip in. */
export function rememberSite(site: SavedSite): SavedSite[] {
  const clean: SavedSite = {
    host: site.host,
    port: site.port,
    user: site.user,
    tls: site.tls,
    transferMode: site.transferMode,
    encoding: site.encoding,
    ...(site.trustedFingerprint ? { trustedFingerprint: site.trustedFingerprint } : {}),
  };
  const sites = [clean, ...loadSavedSites().filter((s) => siteKey(s) !== siteKey(clean))].slice(0, 50);
  write(sites);
  return sites;
}

export function forgetSite(key: string): SavedSite[] {
  const sites = loadSavedSites().filter((s) => siteKey(s) !== key);
  write(sites);
  return sites;
}

function write(sites: SavedSite[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(sites));
  } catch {
    // Storage full or disabled: the site is simply not remembered.
  }
}

function isSavedSite(value: unknown): value is SavedSite {
  const v = value as Partial<SavedSite> | null;
  return !!v && typeof v.host === "string" && typeof v.port === "number" && typeof v.user === "string" && typeof v.tls === "string";
}
