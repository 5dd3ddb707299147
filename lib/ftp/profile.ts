import "server-only";
import type { FilenameEncoding, TlsMode, TransferMode } from "@/lib/schemas/session";

/** Everything needed to open an FTP connection for a session. Holds the password: never log or return it. */
export interface ConnectionProfile {
  host: string;
  port: number;
  user: string;
  password: string;
  tls: TlsMode;
  transferMode: TransferMode;
  encoding: FilenameEncoding;
  /** A certificate the user chose to trust for this host (SHA-256, colon-separated hex). */
  trustedFingerprint?: string;
}
