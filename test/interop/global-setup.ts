import { chownSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ftpUser } from "./harness/context";
import type { TargetInfo } from "./harness/spec";
import { startAll } from "./harness/start-all";

declare module "vitest" {
  export interface ProvidedContext {
    interop: {
      baseDir: string;
      caFile: string;
      certFile: string;
      keyFile: string;
      fingerprint: string;
      passwordHash: string;
      targets: TargetInfo[];
    };
  }
}

/** Name of the shared read-only folder with 10,000 entries on every main server. */
export const bigFolder = "big-10000";

/** Starts every server for the run (as root) and stops each by its PID afterwards. */
export default async function setup(project: TestProject) {
  const { ctx, servers, stopAll } = await startAll();
  for (const server of servers) {
    const dir = join(server.dataDir, bigFolder);
    mkdirSync(dir);
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, `entry-${String(i).padStart(5, "0")}.txt`), "");
    chownSync(dir, ftpUser.uid, ftpUser.gid);
  }
  project.provide("interop", {
    baseDir: ctx.baseDir,
    caFile: ctx.certs.caFile,
    certFile: ctx.certs.certFile,
    keyFile: ctx.certs.keyFile,
    fingerprint: ctx.certs.fingerprint,
    passwordHash: ctx.passwordHash,
    targets: servers.map((s) => s.info),
  });
  return async () => {
    await stopAll();
    // Server logs and configs stay for a look with FERRY_INTEROP_KEEP=1.
    if (process.env.FERRY_INTEROP_KEEP !== "1") rmSync(ctx.baseDir, { recursive: true, force: true });
  };
}
