/** The three server programs the suite runs. */
export type ServerKind = "vsftpd" | "proftpd" | "pure-ftpd";

/** One server instance: its own port, passive range, data folder and options. */
export interface ServerSpec {
  id: string;
  kind: ServerKind;
  port: number;
  pasv: [number, number];
  /** Implicit TLS only (vsftpd): the whole control connection is TLS from the first byte. */
  implicit?: boolean;
  /** Idle timeout of the control connection (seconds); Pure-FTPd rounds up to minutes. */
  idleSeconds?: number;
  /** Connections allowed per client address (to provoke "too many connections"). */
  maxPerIp?: number;
}

/** What a test needs to know about a running instance (serialisable: passed from globalSetup). */
export interface TargetInfo {
  id: string;
  kind: ServerKind;
  port: number;
  dataDir: string;
  implicit: boolean;
}

const base = Number(process.env.FERRY_INTEROP_PORT_BASE ?? 22100);

/** The instances global-setup starts for the contract; ports and passive ranges never overlap. */
export const mainSpecs: ServerSpec[] = [
  { id: "vsftpd", kind: "vsftpd", port: base + 21, pasv: [40000, 40099] },
  { id: "vsftpd-implicit", kind: "vsftpd", port: base + 90, pasv: [40100, 40199], implicit: true },
  { id: "proftpd", kind: "proftpd", port: base + 121, pasv: [40200, 40299] },
  { id: "pure-ftpd", kind: "pure-ftpd", port: base + 221, pasv: [40300, 40399] },
];

/** Long-session instances (short idle timeout, two connections per address), started by the test that restarts them. */
export const lifecycleSpecs: ServerSpec[] = [
  { id: "vsftpd-lifecycle", kind: "vsftpd", port: base + 321, pasv: [40400, 40449], idleSeconds: 3, maxPerIp: 2 },
  { id: "proftpd-lifecycle", kind: "proftpd", port: base + 421, pasv: [40450, 40499], idleSeconds: 3, maxPerIp: 2 },
  { id: "pure-ftpd-lifecycle", kind: "pure-ftpd", port: base + 521, pasv: [40500, 40599], maxPerIp: 2 },
];

/** Ferry's own listening range for active-mode data connections during the suite. */
export const activePortRange = "40900-40999";
