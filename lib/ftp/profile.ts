import type { TlsMode } from "@/lib/schemas/session";

/** Everything needed to open an FTP connection for a session. Holds the password: never log or return it. */
export interface ConnectionProfile {
  host: string;
  port: number;
  user: string;
  password: string;
  tls: TlsMode;
}
