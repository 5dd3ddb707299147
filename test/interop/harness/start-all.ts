import { chmodSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCertificates } from "./certs";
import { assertServersInstalled, ftpUser, hashPassword, type HarnessContext } from "./context";
import { ServerInstance } from "./servers";
import { mainSpecs } from "./spec";

/** Every server of the run, started in a fresh temp folder; `stopAll` stops each by its PID. */
export async function startAll(): Promise<{ ctx: HarnessContext; servers: ServerInstance[]; stopAll: () => Promise<void> }> {
  assertServersInstalled();
  const baseDir = mkdtempSync(join(tmpdir(), "ferry-interop-"));
  // The servers drop to the test user, which must reach its data folder under ours.
  chmodSync(baseDir, 0o755);
  mkdirSync(join(baseDir, "data"), { mode: 0o755 });
  const ctx: HarnessContext = { baseDir, certs: generateCertificates(join(baseDir, "certs")), passwordHash: hashPassword(ftpUser.password) };
  const servers = mainSpecs.map((spec) => new ServerInstance(ctx, spec));
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  const started = await Promise.allSettled(servers.map((s) => s.start()));
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  return { ctx, servers, stopAll };
}
