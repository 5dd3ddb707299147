import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface InteropCertificates {
  /** PEM of the CA that signed the servers' certificate (what Ferry is told to trust). */
  caFile: string;
  certFile: string;
  keyFile: string;
  /** cert + key in one file (Pure-FTPd, vsftpd accept it). */
  pemFile: string;
  /** SHA-256 fingerprint of the server certificate, colon-separated upper-case hex. */
  fingerprint: string;
}

/** Generates a throw-away CA and a server certificate for 127.0.0.1 / localhost with openssl. */
export function generateCertificates(dir: string): InteropCertificates {
  mkdirSync(dir, { recursive: true });
  const p = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Ferry interop test CA", "-keyout", p("ca.key"), "-out", p("ca.pem"), "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", p("server.key"), "-out", p("server.csr"));
  writeFileSync(p("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
  openssl("x509", "-req", "-in", p("server.csr"), "-CA", p("ca.pem"), "-CAkey", p("ca.key"), "-CAcreateserial", "-days", "2", "-extfile", p("server.ext"), "-out", p("server.pem"));
  const cert = readFileSync(p("server.pem"), "utf8");
  writeFileSync(p("combined.pem"), cert + readFileSync(p("server.key"), "utf8"), { mode: 0o600 });
  const der = new X509Certificate(cert).raw;
  const fingerprint = createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)!.join(":");
  return { caFile: p("ca.pem"), certFile: p("server.pem"), keyFile: p("server.key"), pemFile: p("combined.pem"), fingerprint };
}
