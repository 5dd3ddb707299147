import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedFtpServer, type EmbeddedFtpServer } from "@/lib/demo/embedded-ftp-server";
import type { TestCertificate } from "./certificates";

/** An embedded FTP server offering TLS with `certificate`, serving a small folder of its own. */
export async function startTlsServer(certificate: TestCertificate, options: { implicit?: boolean; port?: number; pasvRange: [number, number] }): Promise<EmbeddedFtpServer & { stop(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "ferry-tls-ftp-"));
  await writeFile(join(root, "hello.txt"), "hello over TLS\n");
  const server = await startEmbeddedFtpServer({
    root,
    port: options.port,
    users: { demo: "demo" },
    pasvRange: options.pasvRange,
    tls: { key: certificate.key, cert: certificate.cert },
    implicitTls: options.implicit,
  });
  return Object.assign(server, {
    stop: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  });
}
