import { chownSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ftpUser, type HarnessContext } from "./context";
import { proftpdCommand } from "./proftpd";
import { portAnswers, startProcess, stopProcess, waitForGreeting, type ServerProcess } from "./process";
import { pureFtpdCommand } from "./pure-ftpd";
import type { ServerSpec, TargetInfo } from "./spec";
import { vsftpdCommand } from "./vsftpd";

/** A running server instance; `restart()` stops it by PID and starts it again on the same port. */
export class ServerInstance {
  private proc: ServerProcess | undefined;
  readonly dir: string;
  readonly dataDir: string;

  constructor(
    private readonly ctx: HarnessContext,
    readonly spec: ServerSpec,
  ) {
    this.dir = join(ctx.baseDir, "servers", spec.id);
    this.dataDir = join(ctx.baseDir, "data", spec.id);
    mkdirSync(this.dir, { recursive: true });
    mkdirSync(this.dataDir, { recursive: true });
    chownSync(this.dataDir, ftpUser.uid, ftpUser.gid);
  }

  get info(): TargetInfo {
    return { id: this.spec.id, kind: this.spec.kind, port: this.spec.port, dataDir: this.dataDir, implicit: this.spec.implicit === true };
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    // A greeting from a leftover process would pass for ours: refuse to start on a busy port.
    if (await portAnswers(this.spec.port)) throw new Error(`port ${this.spec.port} (${this.spec.id}) is already in use: stop what listens there or set FERRY_INTEROP_PORT_BASE`);
    const { command, args } = this.command();
    const env = { ...process.env };
    this.proc = startProcess(command, args, join(this.dir, "server.log"), env);
    await waitForGreeting(this.proc, this.spec.port, { tlsOnly: this.spec.implicit });
  }

  async stop(): Promise<void> {
    if (this.proc) await stopProcess(this.proc);
    this.proc = undefined;
    // Sessions killed with SIGKILL stay in ProFTPD's scoreboard and would count against
    // MaxClientsPerHost after a restart (until its 30 s scrub): start the next run clean.
    rmSync(join(this.dir, "proftpd.scoreboard"), { force: true });
    rmSync(join(this.dir, "proftpd.scoreboard.lck"), { force: true });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private command(): { command: string; args: string[] } {
    switch (this.spec.kind) {
      case "vsftpd":
        return vsftpdCommand(this.ctx, this.spec, this.dir, this.dataDir);
      case "proftpd":
        return proftpdCommand(this.ctx, this.spec, this.dir, this.dataDir);
      case "pure-ftpd":
        return pureFtpdCommand(this.ctx, this.spec, this.dir, this.dataDir);
    }
  }
}
