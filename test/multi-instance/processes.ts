import { spawn, spawnSync, type ChildProcess } from "node:child_process";

export { freePort } from "../../scripts/free-port";


/** Fails loudly with the install command when a system program is missing. */
export function requireProgram(name: string, aptPackage: string): void {
  if (spawnSync("sh", ["-c", `command -v ${name}`]).status !== 0) {
    throw new Error(`${name} is missing: run \`apt-get install -y ${aptPackage}\` (as root) and try again.`);
  }
}

/** Starts a program and resolves once a line of its output matches `ready` (rejects if it exits first or after `timeoutMs`). */
export function startUntil(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number }): Promise<ChildProcess> {
  const child = spawn(command, args, { env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${command} was not ready after ${options.timeoutMs} ms:\n${output}`)), options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Stops a child and waits for it to be gone. */
export function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Polls `check` until it is true or `timeoutMs` passes (for effects that happen in another process). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}
