import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { seedDemoTree } from "../../lib/demo/seed-demo-tree";
import { startEmbeddedFtpServer } from "../../lib/demo/embedded-ftp-server";

declare module "vitest" {
  export interface ProvidedContext {
    ftpPort: number;
    ftpRoot: string;
  }
}

/** Starts one embedded FTP server (ftp-srv) on 127.0.0.1 for the whole run, serving a seeded temp folder. */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), "ferry-test-ftp-"));
  await seedDemoTree(root);
  const server = await startEmbeddedFtpServer({ root, users: { demo: "demo", alice: "wonder land" }, pasvRange: [51_000, 51_999] });
  project.provide("ftpPort", server.port);
  project.provide("ftpRoot", root);
  return async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  };
}
