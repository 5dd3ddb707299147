import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, ftpUser, type HarnessContext } from "./context";
import type { ServerSpec } from "./spec";

/**
 * vsftpd 3.0.3 needs PAM and a local user. Both are provided without touching /etc: the
 * server runs in a private mount namespace where /etc/pam.d and /etc/passwd are bind-mounted
 * from files in the instance folder (`unshare` execs, so the PID stays vsftpd's).
 */
export function vsftpdCommand(ctx: HarnessContext, spec: ServerSpec, dir: string, dataDir: string): { command: string; args: string[] } {
  const pam = join(dir, "pam.d");
  mkdirSync(pam, { recursive: true });
  writeFileSync(join(pam, "ferry-vsftpd"), "auth required pam_unix.so\naccount required pam_permit.so\nsession required pam_permit.so\n");
  const passwd = `${readFileSync("/etc/passwd", "utf8").trimEnd()}\n${ftpUser.name}:${ctx.passwordHash}:${ftpUser.uid}:${ftpUser.gid}::${dataDir}:/usr/sbin/nologin\n`;
  writeFileSync(join(dir, "passwd"), passwd);
  // Must exist, belong to root and not be writable (the package scripts would create it).
  const empty = join(dir, "empty");
  mkdirSync(empty, { recursive: true, mode: 0o555 });
  const lines = [
    "listen=YES",
    "listen_ipv6=NO",
    "listen_address=127.0.0.1",
    `listen_port=${spec.port}`,
    "background=NO",
    "anonymous_enable=NO",
    "local_enable=YES",
    "write_enable=YES",
    "local_umask=022",
    "chmod_enable=YES",
    "chroot_local_user=YES",
    "allow_writeable_chroot=YES",
    `local_root=${dataDir}`,
    "pam_service_name=ferry-vsftpd",
    `secure_chroot_dir=${empty}`,
    "seccomp_sandbox=NO",
    "pasv_enable=YES",
    "pasv_address=127.0.0.1",
    `pasv_min_port=${spec.pasv[0]}`,
    `pasv_max_port=${spec.pasv[1]}`,
    "port_enable=YES",
    "connect_from_port_20=NO",
    "xferlog_enable=NO",
    `vsftpd_log_file=${join(dir, "vsftpd.log")}`,
    "max_clients=100",
    `max_per_ip=${spec.maxPerIp ?? 100}`,
    `idle_session_timeout=${spec.idleSeconds ?? 600}`,
    "data_connection_timeout=120",
    // Advertise UTF8 in FEAT (vsftpd stores the bytes it is sent either way).
    "utf8_filesystem=YES",
    "ssl_enable=YES",
    `rsa_cert_file=${ctx.certs.certFile}`,
    `rsa_private_key_file=${ctx.certs.keyFile}`,
    "ssl_ciphers=HIGH",
    "force_local_logins_ssl=NO",
    "force_local_data_ssl=NO",
    "require_ssl_reuse=YES",
    `implicit_ssl=${spec.implicit ? "YES" : "NO"}`,
  ];
  const conf = join(dir, "vsftpd.conf");
  writeFileSync(conf, `${lines.join("\n")}\n`, { mode: 0o600 });
  const script = `mount --bind '${pam}' /etc/pam.d && mount --bind '${join(dir, "passwd")}' /etc/passwd && exec '${bin("usr/sbin/vsftpd")}' '${conf}'`;
  return { command: "unshare", args: ["--mount", "--propagation", "private", "--", "sh", "-c", script] };
}
