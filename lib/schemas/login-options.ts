/** A server the login form offers when the admin pinned Ferry to a list (or in the demo). */
export interface OfferedServer {
  id: string;
  label: string;
  host: string;
  port: number;
  /** The embedded demo server (user `demo`, password `demo`). */
  demo: boolean;
}

/** What `GET /api/config` tells the login form. */
export interface LoginOptions {
  /** Servers to choose from; empty when any allowed host may be typed. */
  servers: OfferedServer[];
  /** True when the form shows a free host field; false when it must offer `servers` only. */
  freeHost: boolean;
  /** Whether the form may offer active mode (`FTP_ACTIVE_ENABLED`); false: passive only. */
  activeMode: boolean;
}
