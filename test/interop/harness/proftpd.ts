import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, ftpUser, type HarnessContext } from "./context";
import type { ServerSpec } from "./spec";

/** ProFTPD 1.3.8 standalone in the foreground, users from its own AuthUserFile (no PAM, no /etc). */
export function proftpdCommand(ctx: HarnessContext, spec: ServerSpec, dir: string, dataDir: string): { command: string; args: string[] } {
  const users = join(dir, "ftpd.passwd");
  writeFileSync(users, `${ftpUser.name}:${ctx.passwordHash}:${ftpUser.uid}:${ftpUser.gid}::${dataDir}:/usr/sbin/nologin\n`, { mode: 0o600 });
  const groups = join(dir, "ftpd.group");
  writeFileSync(groups, `ferry:x:${ftpUser.gid}:\n`, { mode: 0o600 });
  const conf = `
ServerName "Ferry interop ProFTPD"
ServerType standalone
DefaultServer on
Port ${spec.port}
DefaultAddress 127.0.0.1
SocketBindTight on
UseIPv6 off
User nobody
Group nogroup
PidFile ${join(dir, "proftpd.pid")}
ScoreboardFile ${join(dir, "proftpd.scoreboard")}
DelayTable ${join(dir, "proftpd.delay")}
ControlsEngine off
WtmpLog off
TransferLog none
UseReverseDNS off
ModulePath ${bin("usr/lib/proftpd")}
LoadModule mod_tls.c
LoadModule mod_site_misc.c
AuthOrder mod_auth_file.c
AuthUserFile ${users}
AuthGroupFile ${groups}
RequireValidShell off
UseFtpUsers off
DefaultRoot ~
PassivePorts ${spec.pasv[0]} ${spec.pasv[1]}
MaxInstances 100
${spec.maxPerIp ? `MaxClientsPerHost ${spec.maxPerIp}` : ""}
TimeoutIdle ${spec.idleSeconds ?? 600}
Umask 022
AllowOverwrite on
AllowStoreRestart on
AllowRetrieveRestart on
<IfModule mod_tls.c>
  TLSEngine on
  TLSRequired off
  TLSRSACertificateFile ${ctx.certs.certFile}
  TLSRSACertificateKeyFile ${ctx.certs.keyFile}
  TLSProtocol TLSv1.2 TLSv1.3
  TLSVerifyClient off
</IfModule>
`;
  const file = join(dir, "proftpd.conf");
  writeFileSync(file, conf, { mode: 0o600 });
  return { command: bin("usr/sbin/proftpd"), args: ["--nodaemon", "--config", file] };
}
