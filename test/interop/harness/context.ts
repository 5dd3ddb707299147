import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { InteropCertificates } from "./certs";

/** Where test/interop/install.sh unpacks the servers. */
export const installRoot = process.env.FERRY_INTEROP_ROOT ?? "/opt/ferry-interop";

/** The FTP account every server instance serves (a virtual user: nothing is added to /etc/passwd). */
export const ftpUser = { name: "ferry", password: "interop pass 1", uid: 2121, gid: 2121 } as const;

/** What every server config needs: its own folder, the certificate, the hashed password. */
export interface HarnessContext {
  baseDir: string;
  certs: InteropCertificates;
  passwordHash: string;
}

export function bin(relative: string): string {
  return join(installRoot, relative);
}

/** Throws with the exact command to run when a server binary is missing. */
export function assertServersInstalled(): void {
  const needed = ["usr/sbin/vsftpd", "usr/sbin/proftpd", "usr/lib/proftpd/mod_tls.so", "usr/sbin/pure-ftpd", "usr/bin/pure-pw"];
  const missing = needed.filter((b) => !existsSync(bin(b)));
  if (missing.length > 0) {
    throw new Error(
      `The interop FTP servers are not installed (missing ${missing.map((m) => bin(m)).join(", ")}).\n` +
        `Run as root: bash test/interop/install.sh ${installRoot}\n` +
        "(it runs: apt-get install -y libhiredis0.14 libmemcached11 libmemcachedutil2 libpcre2-posix3 libwrap0; " +
        `apt-get download vsftpd proftpd-core proftpd-mod-crypto pure-ftpd; dpkg-deb -x <each .deb> ${installRoot})`,
    );
  }
  if (process.getuid?.() !== 0) throw new Error("The interop suite starts FTP servers as root: run it as root.");
}

/** SHA-512 crypt hash of the test password (what PAM, ProFTPD and Pure-FTPd all read). */
export function hashPassword(password: string): string {
  return execFileSync("openssl", ["passwd", "-6", "-salt", "ferryinterop", password], { encoding: "utf8" }).trim();
}
