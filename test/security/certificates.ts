// Makes X.509 certificates for the TLS tests with node:crypto alone (no openssl
// binary, no package): a tiny DER writer, P-256 keys, ECDSA-SHA256 signatures.
import { X509Certificate, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { isIPv4 } from "node:net";

function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? Buffer.of(n) : n < 0x100 ? Buffer.of(0x81, n) : Buffer.of(0x82, n >> 8, n & 0xff);
  return Buffer.concat([Buffer.of(tag), length, content]);
}
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
function int(n: number): Buffer {
  const hex = n.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
  // DER integers are minimal and signed: a leading 0 only when the top bit is set.
  return der(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes);
}
const utf8 = (s: string) => der(0x0c, Buffer.from(s, "utf8"));
const octets = (b: Buffer) => der(0x04, b);
const bits = (b: Buffer) => der(0x03, Buffer.concat([Buffer.of(0), b]));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * a! + b!];
  for (const part of rest) {
    const chunk = [part & 0x7f];
    for (let v = part >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return der(0x17, Buffer.from(`${iso}Z`));
}

const name = (cn: string) => seq(set(seq(oid("2.5.4.3"), utf8(cn))));
const ecdsaSha256 = seq(oid("1.2.840.10045.4.3.2"));

function altNames(names: string[]): Buffer {
  const entries = names.map((n) => (isIPv4(n) ? der(0x87, Buffer.from(n.split(".").map(Number))) : der(0x82, Buffer.from(n))));
  return seq(oid("2.5.29.17"), octets(seq(...entries)));
}

export interface TestCertificate {
  /** PEM certificate. */
  cert: string;
  /** PEM private key (PKCS#8). */
  key: string;
  /** SHA-256 fingerprint as Node prints it (AB:CD:…). */
  fingerprint256: string;
  keyObject: KeyObject;
  commonName: string;
}

export interface CertificateOptions {
  /** Subject CN; also the first subjectAltName. Default "localhost". */
  commonName?: string;
  /** subjectAltNames (DNS names or IPv4 addresses). Default [commonName, "127.0.0.1"]. */
  altNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** Signed by this CA; self-signed when absent. */
  issuer?: TestCertificate;
  /** Make a CA certificate (basicConstraints CA:TRUE). */
  ca?: boolean;
}

let serial = 1000;

/** A fresh key pair and certificate. */
export function makeCertificate(options: CertificateOptions = {}): TestCertificate {
  const commonName = options.commonName ?? "localhost";
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const extensions = [altNames(options.altNames ?? [commonName, "127.0.0.1"])];
  if (options.ca) extensions.push(seq(oid("2.5.29.19"), der(0x01, Buffer.of(0xff)), octets(seq(der(0x01, Buffer.of(0xff))))));
  const notBefore = options.notBefore ?? new Date(Date.now() - 3_600_000);
  const notAfter = options.notAfter ?? new Date(Date.now() + 30 * 86_400_000);
  const tbs = seq(
    der(0xa0, int(2)),
    int((serial += 1)),
    ecdsaSha256,
    name(options.issuer?.commonName ?? commonName),
    seq(time(notBefore), time(notAfter)),
    name(commonName),
    spki,
    der(0xa3, seq(...extensions)),
  );
  const signature = sign("sha256", tbs, options.issuer?.keyObject ?? privateKey);
  const body = seq(tbs, ecdsaSha256, bits(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${body.toString("base64").match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  return {
    cert,
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    fingerprint256: new X509Certificate(cert).fingerprint256,
    keyObject: privateKey,
    commonName,
  };
}
