import { z } from "zod";

/** CR, LF or NUL would let a value smuggle a second FTP command. */
const noControl = (v: string) => !/[\r\n\0]/.test(v);

export const tlsModes = ["none", "explicit", "implicit"] as const;
export type TlsMode = (typeof tlsModes)[number];

export const transferModes = ["passive", "active"] as const;
export type TransferMode = (typeof transferModes)[number];

/** Filename encodings a connection may use; "auto" is UTF-8, with a hint when names do not decode. */
export const filenameEncodings = ["auto", "utf8", "cp949", "euc-kr", "shift_jis", "gbk", "windows-1251", "latin1"] as const;
export type FilenameEncoding = (typeof filenameEncodings)[number];

/** Body of `POST /api/session`. */
export const loginSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, "Enter the server's host name")
    .max(253)
    .refine((v) => !/[\s\0/\\@]/.test(v), "The host name has characters a host name cannot have"),
  port: z.coerce.number().int().min(1).max(65535).default(21),
  user: z.string().max(256).refine(noControl, "The user name must not contain line breaks or NUL characters").default("anonymous"),
  password: z.string().max(1024).refine(noControl, "The password must not contain line breaks or NUL characters").default(""),
  tls: z.enum(tlsModes).default("none"),
  transferMode: z.enum(transferModes).default("passive"),
  encoding: z.enum(filenameEncodings).default("auto"),
  /** SHA-256 fingerprint (hex pairs with colons) of a certificate the user chose to trust for this host. */
  trustedFingerprint: z
    .string()
    .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/i, "The certificate fingerprint is not a SHA-256 fingerprint")
    .optional(),
});

export type LoginInput = z.infer<typeof loginSchema>;

/** What `GET /api/session` returns: the connection without secrets. */
export interface SessionInfo {
  host: string;
  port: number;
  user: string;
  tls: TlsMode;
  transferMode: TransferMode;
  encoding: FilenameEncoding;
  home: string;
  createdAt: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
}
