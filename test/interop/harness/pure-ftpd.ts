import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, ftpUser, type HarnessContext } from "./context";
import type { ServerSpec } from "./spec";

/** Pure-FTPd 1.0.50 run directly (not Debian's wrapper), a PureDB virtual user mapped to the test uid. */
export function pureFtpdCommand(ctx: HarnessContext, spec: ServerSpec, dir: string, dataDir: string): { command: string; args: string[] } {
  const passwd = join(dir, "pureftpd.passwd");
  const db = join(dir, "pureftpd.pdb");
  // The "/./" marks the chroot.
  writeFileSync(passwd, `${ftpUser.name}:${ctx.passwordHash}:${ftpUser.uid}:${ftpUser.gid}::${dataDir}/./::::::::::::\n`, { mode: 0o600 });
  execFileSync(bin("usr/bin/pure-pw"), ["mkdb", db, "-f", passwd], { stdio: ["ignore", "ignore", "pipe"] });
  const range = spec.pasv[1] - spec.pasv[0] + 1;
  // -c is silently capped at half the passive range.
  const clients = Math.min(50, Math.floor(range / 2));
  const args = [
    "-S", `127.0.0.1,${spec.port}`,
    "-4",
    "-l", `puredb:${db}`,
    "-E", "-A", "-H",
    "-p", `${spec.pasv[0]}:${spec.pasv[1]}`,
    "-P", "127.0.0.1",
    "-c", String(clients),
    "-C", String(spec.maxPerIp ?? clients),
    "-U", "133:022",
    "-Y", "1",
    "-2", `${ctx.certs.certFile},${ctx.certs.keyFile}`,
    "-J", "HIGH",
    "-g", join(dir, "pure-ftpd.pid"),
    "-f", "none",
    "-I", String(Math.max(1, Math.ceil((spec.idleSeconds ?? 600) / 60))),
  ];
  return { command: bin("usr/sbin/pure-ftpd"), args };
}
