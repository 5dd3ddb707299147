import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";

/** A server process started by the harness; stopped by its own PID (and its descendants'). */
export interface ServerProcess {
  pid: number;
  child: ChildProcess;
  logFile: string;
}

/** Starts `command` with its output in `logFile`; the caller waits for readiness with `waitForGreeting`. */
export function startProcess(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): ServerProcess {
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { stdio: ["ignore", log, log], env });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return { pid: child.pid, child, logFile };
}

/** PIDs of every descendant of `pid`, children before grandchildren (from /proc). */
export function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the ppid is the second field after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a server by its PID: its session processes first (vsftpd's ignore SIGTERM and
 * would be orphaned once the master is gone), then the master with SIGTERM, SIGKILL after `graceMs`.
 */
export async function stopProcess(server: ServerProcess, graceMs = 2000): Promise<void> {
  for (const pid of descendantsOf(server.pid).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => {
    if (alive(server.pid)) server.child.kill("SIGKILL");
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills only the session processes of a server (a dropped connection, as after a crash of one session). */
export function killSessions(server: ServerProcess): void {
  for (const pid of descendantsOf(server.pid).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/**
 * Resolves once something accepts a TCP connection on `port` and, unless `tlsOnly`, sends
 * a line starting with "220" (the FTP greeting). Rejects with the log's tail after `timeoutMs`
 * or when the process exits first.
 */
export async function waitForGreeting(server: ServerProcess, port: number, options: { tlsOnly?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let lastError = "no attempt";
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) break;
    try {
      await probe(port, options.tlsOnly === true);
      return;
    } catch (err) {
      lastError = (err as Error).message;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  let log = "";
  try {
    log = readFileSync(server.logFile, "utf8").slice(-2000);
  } catch {
    // No log yet.
  }
  throw new Error(`server on port ${port} (pid ${server.pid}) did not come up: ${lastError}\n${log}`);
}

function probe(port: number, connectOnly: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let text = "";
    const done = (err?: Error) => {
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.setTimeout(2000, () => done(new Error("no greeting")));
    socket.on("error", (err) => done(err));
    socket.on("connect", () => {
      if (connectOnly) done();
    });
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if (/^220[ -]/.test(text)) done();
      else if (text.length > 3) done(new Error(`unexpected greeting: ${text.slice(0, 80)}`));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
