import { promises as dnsPromises } from "node:dns";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as listRoute from "@/app/api/fs/list/route";
import * as sessionRoute from "@/app/api/session/route";
import { makeCertificate } from "../security/certificates";
import { setEnv } from "../security/env";
import { startTlsServer } from "../security/tls-server";
import { apiRequest, cookieFrom, errorOf } from "./helpers";

type Details = { fingerprint256: string; subject: string; issuer: string; validFrom: string; validTo: string; expectedFingerprint256?: string; reason: string };

async function loginTo(port: number, tlsMode: "explicit" | "implicit", extra: Record<string, unknown> = {}) {
  return sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "127.0.0.1", port, user: "demo", password: "demo", tls: tlsMode, ...extra } }));
}

async function detailsOf(res: Response): Promise<{ code: string; message: string; details: Details }> {
  return ((await res.json()) as { error: { code: string; message: string; details: Details } }).error;
}

/** Counts TLS connections opened without verification (only the certificate probe may do that). */
function watchUnverified() {
  const connect = vi.spyOn(tls, "connect");
  return () => connect.mock.calls.filter((args) => args.some((a) => typeof a === "object" && a !== null && (a as tls.ConnectionOptions).rejectUnauthorized === false)).length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ["explicit", false, [52_100, 52_149]],
  ["implicit", true, [52_150, 52_199]],
] as const)("FTPS (%s) with a self-signed certificate", (mode, implicit, pasvRange) => {
  const certificate = makeCertificate({ commonName: "ftp.test.example", altNames: ["ftp.test.example", "127.0.0.1"] });
  let server: Awaited<ReturnType<typeof startTlsServer>>;

  beforeAll(async () => {
    server = await startTlsServer(certificate, { implicit, pasvRange: [...pasvRange] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses it with 502 tls_untrusted and the facts a person can check, without logging in", async () => {
    const unverified = watchUnverified();
    const res = await loginTo(server.port, mode);
    expect(res.status).toBe(502);
    expect(res.headers.get("set-cookie")).toBeNull();
    const error = await detailsOf(res);
    expect(error.code).toBe("tls_untrusted");
    expect(error.details).toMatchObject({
      fingerprint256: certificate.fingerprint256,
      subject: "CN=ftp.test.example",
      issuer: "CN=ftp.test.example",
      reason: "DEPTH_ZERO_SELF_SIGNED_CERT",
    });
    expect(Date.parse(error.details.validFrom)).toBeLessThan(Date.now());
    expect(Date.parse(error.details.validTo)).toBeGreaterThan(Date.now());
    // Exactly one unverified connection (the probe that read the certificate), and nobody logged in over it.
    expect(unverified()).toBe(1);
    expect(server.logins).toBe(0);
  });

  it("accepts exactly the trusted certificate, for control and data connections", async () => {
    const res = await loginTo(server.port, mode, { trustedFingerprint: certificate.fingerprint256.toLowerCase() });
    expect(res.status).toBe(201);
    const connect = vi.spyOn(tls, "connect");
    const list = await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie: cookieFrom(res) }));
    expect(list.status).toBe(200);
    expect(((await list.json()) as { entries: Array<{ name: string }> }).entries.map((e) => e.name)).toContain("hello.txt");
    // The data connection resumed the control connection's TLS session, under the same verifying options.
    const data = connect.mock.calls.map((args) => args[0] as tls.ConnectionOptions).filter((o) => o && "session" in o);
    expect(data.length).toBeGreaterThan(0);
    for (const options of data) {
      expect(options.session).toBeInstanceOf(Buffer);
      expect(options.rejectUnauthorized).toBe(true);
      expect(options.checkServerIdentity).toBeTypeOf("function");
    }
  });

  it("refuses a different certificate later, naming both fingerprints", async () => {
    const other = makeCertificate({ commonName: "ftp.test.example", altNames: ["ftp.test.example", "127.0.0.1"] });
    const impostor = await startTlsServer(other, { implicit, pasvRange: [pasvRange[0] + 25, pasvRange[1]] });
    try {
      const res = await loginTo(impostor.port, mode, { trustedFingerprint: certificate.fingerprint256 });
      expect(res.status).toBe(502);
      const error = await detailsOf(res);
      expect(error.code).toBe("tls_untrusted");
      expect(error.message).toContain(certificate.fingerprint256);
      expect(error.message).toContain(other.fingerprint256);
      expect(error.details).toMatchObject({ fingerprint256: other.fingerprint256, expectedFingerprint256: certificate.fingerprint256 });
      expect(impostor.logins).toBe(0);
    } finally {
      await impostor.stop();
    }
  });
});

describe("FTPS certificates checked against the host name, with admin CAs", () => {
  const ca = makeCertificate({ commonName: "Ferry Test CA", ca: true, altNames: ["ca.test.example"] });
  let caDir: string;
  let restoreEnv: () => void;

  beforeAll(async () => {
    caDir = await mkdtemp(join(tmpdir(), "ferry-ca-"));
    await writeFile(join(caDir, "ca.pem"), ca.cert);
    restoreEnv = setEnv({ FTP_CA_FILES: join(caDir, "ca.pem") });
  });
  afterAll(async () => {
    restoreEnv();
    await rm(caDir, { recursive: true, force: true });
  });

  /** ftp.test.example resolves (in this test only) to 127.0.0.1: Ferry connects to the IP and checks the name. */
  function resolveTestName() {
    return vi.spyOn(dnsPromises, "lookup").mockImplementation((async (name: string) => {
      if (name === "ftp.test.example") return [{ address: "127.0.0.1", family: 4 }];
      throw Object.assign(new Error(`unexpected lookup ${name}`), { code: "ENOTFOUND" });
    }) as unknown as typeof dnsPromises.lookup);
  }

  it("trusts a certificate from a CA in FTP_CA_FILES that names the host", async () => {
    const leaf = makeCertificate({ commonName: "ftp.test.example", altNames: ["ftp.test.example"], issuer: ca });
    const server = await startTlsServer(leaf, { pasvRange: [52_200, 52_224] });
    try {
      const lookup = resolveTestName();
      const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "ftp.test.example", port: server.port, user: "demo", password: "demo", tls: "explicit" } }));
      expect(res.status).toBe(201);
      expect(lookup).toHaveBeenCalledTimes(1);
      const list = await listRoute.GET(apiRequest("GET", "/api/fs/list?path=/", { cookie: cookieFrom(res) }));
      expect(list.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("refuses a CA certificate issued for another name as untrusted, with the reason", async () => {
    const leaf = makeCertificate({ commonName: "other.example", altNames: ["other.example"], issuer: ca });
    const server = await startTlsServer(leaf, { pasvRange: [52_225, 52_249] });
    try {
      resolveTestName();
      const res = await sessionRoute.POST(apiRequest("POST", "/api/session", { body: { host: "ftp.test.example", port: server.port, user: "demo", password: "demo", tls: "explicit" } }));
      expect(res.status).toBe(502);
      const error = await detailsOf(res);
      expect(error).toMatchObject({ code: "tls_untrusted", details: { reason: "ERR_TLS_CERT_ALTNAME_INVALID", fingerprint256: leaf.fingerprint256, issuer: "CN=Ferry Test CA" } });
    } finally {
      await server.stop();
    }
  });

  it("refuses an expired certificate with tls_error, even when the user trusts it", async () => {
    const expired = makeCertificate({ notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const server = await startTlsServer(expired, { pasvRange: [52_250, 52_274] });
    try {
      const res = await loginTo(server.port, "explicit", { trustedFingerprint: expired.fingerprint256 });
      expect(res.status).toBe(502);
      const error = await errorOf(res);
      expect(error.code).toBe("tls_error");
      expect(error.message).toContain("expired");
    } finally {
      await server.stop();
    }
  });
});
