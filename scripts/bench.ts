// npm run bench: Ferry's transfer speed next to direct FTP, on the same server and file, in one run.
// Not a test: prints a table and exits 0. Needs curl. Settings (environment):
//   BENCH_SIZE_MB   size of the big file (default 1024)      BENCH_RUNS   runs per measure, median shown (default 3)
//   BENCH_SERVER    "vsftpd" or "embedded" (default: vsftpd when the interop servers are installed and we are root)
//   BENCH_SKIP_BUILD=1  reuse an existing build in .next-bench
//   BENCH_ONLY      comma-separated subset of download,upload,list,zip (default: all)
// See docs/performance.md for the figures and how to read them.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { freePort } from "./free-port";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { Client } from "basic-ftp";
import { startEmbeddedFtpServer } from "../lib/demo/embedded-ftp-server";

const MiB = 1024 * 1024;
const size = Number(process.env.BENCH_SIZE_MB ?? 1024) * MiB;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const distDir = ".next-bench";
// The resumable upload's chunk size: Ferry's default, set explicitly because the file is cut to it beforehand.
const chunkBytes = 32 * MiB;
const measures = new Set((process.env.BENCH_ONLY ?? "download,upload,list,zip").split(",").map((m) => m.trim()));

interface FtpTarget {
  label: string;
  host: string;
  port: number;
  user: string;
  password: string;
  /** Local folder the server serves as the user's root. */
  root: string;
  /** Owner for files the bench creates in `root` (vsftpd runs as the FTP user). */
  owner?: { uid: number; gid: number };
  stop(): Promise<void>;
}

/** vsftpd from Debian through the interop harness (root only), else the embedded ftp-srv. */
async function startFtp(work: string): Promise<FtpTarget> {
  const wanted = process.env.BENCH_SERVER;
  if (wanted !== "embedded" && process.getuid?.() === 0) {
    try {
      const { assertServersInstalled, ftpUser, hashPassword } = await import("../test/interop/harness/context");
      const { generateCertificates } = await import("../test/interop/harness/certs");
      const { ServerInstance } = await import("../test/interop/harness/servers");
      assertServersInstalled();
      const base = mkdtempSync(join(tmpdir(), "ferry-bench-vsftpd-"));
      execFileSync("chmod", ["755", base]);
      mkdirSync(join(base, "data"), { mode: 0o755 });
      const ctx = { baseDir: base, certs: generateCertificates(join(base, "certs")), passwordHash: hashPassword(ftpUser.password) };
      const server = new ServerInstance(ctx, { id: "bench-vsftpd", kind: "vsftpd", port: await freePort(), pasv: [41_000, 41_099] });
      await server.start();
      const { installRoot } = await import("../test/interop/harness/context");
      return {
        label: `vsftpd ${debianVersion(installRoot, "vsftpd")}`,
        host: "127.0.0.1",
        port: server.info.port,
        user: ftpUser.name,
        password: ftpUser.password,
        root: server.dataDir,
        owner: { uid: ftpUser.uid, gid: ftpUser.gid },
        stop: async () => {
          await server.stop();
          rmSync(base, { recursive: true, force: true });
        },
      };
    } catch (err) {
      if (wanted === "vsftpd") throw err;
      console.log(`(vsftpd not usable: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}; using the embedded server)`);
    }
  }
  const root = join(work, "ftp-root");
  mkdirSync(root);
  const server = await startEmbeddedFtpServer({ root, users: { bench: "bench" }, pasvRange: [41_100, 41_199] });
  return { label: "embedded ftp-srv 4.6", host: server.host, port: server.port, user: "bench", password: "bench", root, stop: () => server.close() };
}

/** The Debian version of an unpacked package, from its changelog (as docs/compatibility.md names it). */
function debianVersion(root: string, pkg: string): string {
  try {
    const first = gunzipSync(readFileSync(join(root, "usr/share/doc", pkg, "changelog.Debian.gz"))).toString("utf8").split("\n")[0] ?? "";
    return /\(([^)]+)\)/.exec(first)?.[1] ?? "(Debian)";
  } catch {
    return "(Debian)";
  }
}

/** `bytes` of pseudo-random data in a file, written 1 MiB at a time. */
function writeBigFile(path: string, bytes: number): void {
  const block = randomBytes(MiB);
  const fd = openSync(path, "w");
  try {
    for (let written = 0, round = 0; written < bytes; round++) {
      block.writeUInt32LE(round, 0);
      const n = Math.min(MiB, bytes - written);
      writeSync(fd, block, 0, n);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Resident memory (bytes) of a process and its descendants. */
function treeRss(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return total;
}

interface Measured {
  seconds: number;
  peakRss: number;
  startRss: number;
}

/** Runs `task` after a `sync`, sampling the RSS of `pid` every 50 ms; answers seconds and the peak RSS. */
async function measured(pid: number | undefined, task: () => Promise<void>): Promise<Measured> {
  // Every measure starts with no dirty pages: an upload must not pay for writing back the one before it.
  execFileSync("sync");
  const startRss = pid ? treeRss(pid) : 0;
  let peakRss = startRss;
  const timer = pid ? setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 50) : undefined;
  const started = process.hrtime.bigint();
  try {
    await task();
  } finally {
    clearInterval(timer);
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRss: Math.max(peakRss, pid ? treeRss(pid) : 0), startRss };
}

/** curl, failing loudly; answers what `-w` printed. */
function curl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("curl", ["-sS", "--fail", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`curl ${args.join(" ")} failed (${code}): ${err}`))));
  });
}

/** Adds one Ferry measure to the samples of its row. */
function keep(samples: { ferry: number[]; rise: number[]; peak: number[] }, m: Measured): void {
  samples.ferry.push(m.seconds);
  samples.rise.push(m.peakRss - m.startRss);
  samples.peak.push(m.peakRss);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mbps = (bytes: number, seconds: number) => bytes / 1e6 / seconds;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

interface Row {
  what: string;
  direct?: number;
  basicFtp?: number;
  ferry?: number;
  rssRise?: number;
  peakRss?: number;
  unit: "MB/s" | "ms";
}

async function startFerry(ftp: FtpTarget): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    FERRY_DIST_DIR: distDir,
    HOST: "127.0.0.1",
    PORT: String(port),
    SESSION_SECRET: randomBytes(32).toString("hex"),
    COOKIE_SECURE: "false",
    FTP_ALLOWED_HOSTS: `${ftp.host}:${ftp.port}`,
    AUDIT_LOG_LEVEL: "warn",
    // A bench run logs in a few times; the defaults are fine but the minimum rate is off so a paused
    // curl never trips the guard.
    TRANSFER_MIN_BYTES_PER_SECOND: "0",
    UPLOAD_CHUNK_BYTES: String(chunkBytes),
  };
  if (process.env.BENCH_SKIP_BUILD !== "1" || !existsSync(join(distDir, "BUILD_ID"))) {
    console.log(`building Ferry (next build, FERRY_DIST_DIR=${distDir})…`);
    const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const proc = spawn(process.execPath, ["scripts/server.mjs"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/api/config`);
      break;
    } catch {
      if (i > 300 || proc.exitCode !== null) throw new Error("Ferry did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, proc };
}

/**
 * A resumable upload as Ferry's browser client makes it for a big file: create, PUT each chunk,
 * complete. The chunks are sent by one curl (one PUT each, without `Expect: 100-continue`, as
 * browsers send them) from `parts`, the file cut beforehand into pieces of the server's chunk size.
 */
async function chunkedUpload(origin: string, cookie: string, parts: string[], bytes: number): Promise<void> {
  const headers = { cookie, origin, "x-ferry-request": "1", "content-type": "application/json" };
  const created = await fetch(`${origin}/api/fs/uploads`, { method: "POST", headers, body: JSON.stringify({ dir: "/up", name: "chunked.bin", size: bytes }) });
  if (created.status !== 201) throw new Error(`creating the upload failed: ${created.status} ${await created.text()}`);
  const { id, chunkSize } = (await created.json()) as { id: string; chunkSize: number };
  if (chunkSize !== chunkBytes) throw new Error(`Ferry asks for chunks of ${chunkSize} bytes, the file was cut into ${chunkBytes}`);
  const puts = parts.flatMap((part, i) => ["-T", part, `${origin}/api/fs/uploads/${id}?offset=${i * chunkSize}`]);
  await curl(["-o", "/dev/null", "-H", `cookie: ${cookie}`, "-H", `origin: ${origin}`, "-H", "x-ferry-request: 1", "-H", "content-type: application/octet-stream", "-H", "expect:", ...puts]);
  const done = await fetch(`${origin}/api/fs/uploads/${id}/complete`, { method: "POST", headers });
  if (done.status !== 200) throw new Error(`completing the upload failed: ${done.status} ${await done.text()}`);
}

/** Cuts `file` into pieces of `chunkBytes` bytes (the last one shorter) in `dir`; answers their paths in order. */
function cutInto(file: string, dir: string): string[] {
  mkdirSync(dir);
  execFileSync("split", ["-b", String(chunkBytes), "-d", "-a", "4", file, join(dir, "part-")]);
  return readdirSync(dir).sort().map((name) => join(dir, name));
}

async function main() {
  execFileSync("curl", ["--version"], { stdio: "ignore" });
  const work = mkdtempSync(join(tmpdir(), "ferry-bench-"));
  const ftp = await startFtp(work);
  let ferry: { url: string; proc: ChildProcess } | undefined;
  const rows: Row[] = [];
  try {
    const own = (path: string) => ftp.owner && chownSync(path, ftp.owner.uid, ftp.owner.gid);
    console.log(`FTP server: ${ftp.label} on ${ftp.host}:${ftp.port}; file ${mb(size)}, median of ${runs}`);
    const source = join(work, "source.bin");
    writeBigFile(source, size);
    execFileSync("cp", [source, join(ftp.root, "big.bin")]);
    own(join(ftp.root, "big.bin"));
    mkdirSync(join(ftp.root, "up"));
    own(join(ftp.root, "up"));
    mkdirSync(join(ftp.root, "list10k"));
    for (let i = 0; i < 10_000; i++) writeFileSync(join(ftp.root, "list10k", `entry-${String(i).padStart(5, "0")}.txt`), "");
    own(join(ftp.root, "list10k"));
    mkdirSync(join(ftp.root, "zipme"));
    const zipFiles = 8;
    const zipEach = Math.max(1, Math.floor(size / 4 / zipFiles));
    for (let i = 0; i < zipFiles; i++) writeBigFile(join(ftp.root, "zipme", `part-${i}.bin`), zipEach);
    for (const f of readdirSync(join(ftp.root, "zipme"))) own(join(ftp.root, "zipme", f));
    own(join(ftp.root, "zipme"));

    ferry = await startFerry(ftp);
    const pid = ferry.proc.pid;
    const origin = ferry.url;
    const loginStart = process.hrtime.bigint();
    const login = await fetch(`${origin}/api/session`, {
      method: "POST",
      headers: { origin, "x-ferry-request": "1", "content-type": "application/json" },
      body: JSON.stringify({ host: ftp.host, port: ftp.port, user: ftp.user, password: ftp.password }),
    });
    if (login.status !== 201) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const home = ((await login.json()) as { home: string }).home;
    const first = await fetch(`${origin}/api/fs/list?path=${encodeURIComponent(home)}`, { headers: { cookie } });
    await first.arrayBuffer();
    const loginMs = Number(process.hrtime.bigint() - loginStart) / 1e6;
    rows.push({ what: "login → first listing", ferry: loginMs, unit: "ms" });

    const ftpUrl = (path: string) => `ftp://${encodeURIComponent(ftp.user)}:${encodeURIComponent(ftp.password)}@${ftp.host}:${ftp.port}${path}`;
    const basic = async (task: (c: Client) => Promise<unknown>) => {
      const client = new Client(30_000);
      await client.access({ host: ftp.host, port: ftp.port, user: ftp.user, password: ftp.password });
      try {
        await task(client);
      } finally {
        client.close();
      }
    };
    const devNull = () => new Writable({ write: (_c, _e, cb) => cb() });

    // Download.
    if (measures.has("download")) {
      const down = { direct: [] as number[], basic: [] as number[], ferry: [] as number[], rise: [] as number[], peak: [] as number[] };
      for (let i = 0; i < runs; i++) {
        down.direct.push((await measured(undefined, () => curl(["-o", "/dev/null", ftpUrl("/big.bin")]).then(() => undefined))).seconds);
        down.basic.push((await measured(undefined, () => basic((c) => c.downloadTo(devNull(), "/big.bin")))).seconds);
        const m = await measured(pid, async () => {
          const got = await curl(["-o", "/dev/null", "-w", "%{size_download}", "-H", `cookie: ${cookie}`, `${origin}/api/fs/download?path=/big.bin`]);
          if (Number(got) !== size) throw new Error(`Ferry download gave ${got} bytes`);
        });
        keep(down, m);
      }
      rows.push({ what: `download ${mb(size)}`, direct: mbps(size, median(down.direct)), basicFtp: mbps(size, median(down.basic)), ferry: mbps(size, median(down.ferry)), rssRise: Math.max(...down.rise), peakRss: Math.max(...down.peak), unit: "MB/s" });
    }

    // Upload.
    if (measures.has("upload")) {
      const up = { direct: [] as number[], basic: [] as number[], ferry: [] as number[], rise: [] as number[], peak: [] as number[] };
      const chunked = { ferry: [] as number[], rise: [] as number[], peak: [] as number[] };
      const parts = cutInto(source, join(work, "parts"));
      // Each upload writes a new file, as most uploads do: replacing the last run's 1 GiB file would
      // add the time to free it (on the server's disk, in any order) to whichever upload came next.
      const fresh = () => {
        rmSync(join(ftp.root, "up"), { recursive: true, force: true });
        mkdirSync(join(ftp.root, "up"));
        own(join(ftp.root, "up"));
      };
      for (let i = 0; i < runs; i++) {
        fresh();
        up.direct.push((await measured(undefined, () => curl(["-T", source, ftpUrl("/up/direct.bin")]).then(() => undefined))).seconds);
        fresh();
        up.basic.push((await measured(undefined, () => basic((c) => c.uploadFrom(source, "/up/basic.bin")))).seconds);
        fresh();
        const m = await measured(pid, async () => {
          await curl(["-o", "/dev/null", "-H", `cookie: ${cookie}`, "-H", `origin: ${origin}`, "-H", "x-ferry-request: 1", "-F", `file=@${source};filename=ferry.bin`, `${origin}/api/fs/upload?dir=/up`]);
        });
        keep(up, m);
        fresh();
        const c = await measured(pid, () => chunkedUpload(origin, cookie, parts, size));
        keep(chunked, c);
      }
      rows.push({ what: `upload ${mb(size)}`, direct: mbps(size, median(up.direct)), basicFtp: mbps(size, median(up.basic)), ferry: mbps(size, median(up.ferry)), rssRise: Math.max(...up.rise), peakRss: Math.max(...up.peak), unit: "MB/s" });
      rows.push({ what: `upload ${mb(size)} in chunks`, direct: mbps(size, median(up.direct)), ferry: mbps(size, median(chunked.ferry)), rssRise: Math.max(...chunked.rise), peakRss: Math.max(...chunked.peak), unit: "MB/s" });
    }

    // Listing of 10,000 entries.
    if (measures.has("list")) {
      const list = { direct: [] as number[], ferry: [] as number[] };
      for (let i = 0; i < runs; i++) {
        list.direct.push((await measured(undefined, () => curl(["-o", "/dev/null", "--list-only", ftpUrl("/list10k/")]).then(() => undefined))).seconds * 1000);
        list.ferry.push(
          (
            await measured(pid, async () => {
              const res = await fetch(`${origin}/api/fs/list?path=/list10k`, { headers: { cookie } });
              const body = (await res.json()) as { entries: unknown[] };
              if (body.entries.length !== 10_000) throw new Error(`listing had ${body.entries.length} entries`);
            })
          ).seconds * 1000,
        );
      }
      rows.push({ what: "list 10,000 entries", direct: median(list.direct), ferry: median(list.ferry), unit: "ms" });
    }

    // Zip of a folder.
    if (measures.has("zip")) {
      const zipBytes = zipEach * zipFiles;
      const zip = { ferry: [] as number[], rise: [] as number[], peak: [] as number[] };
      for (let i = 0; i < runs; i++) {
        const m = await measured(pid, () => curl(["-o", "/dev/null", "-H", `cookie: ${cookie}`, `${origin}/api/fs/zip?dir=/zipme`]).then(() => undefined));
        keep(zip, m);
      }
      rows.push({ what: `zip of ${zipFiles} files, ${mb(zipBytes)}`, ferry: mbps(zipBytes, median(zip.ferry)), rssRise: Math.max(...zip.rise), peakRss: Math.max(...zip.peak), unit: "MB/s" });
    }

    printTable(ftp.label, rows);
  } finally {
    if (ferry) ferry.proc.kill("SIGTERM");
    await ftp.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function printTable(server: string, rows: Row[]): void {
  const fmt = (v: number | undefined, unit: string) => (v === undefined ? "" : unit === "ms" ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} MB/s`);
  const table = rows.map((r) => ({
    measure: r.what,
    "direct (curl)": fmt(r.direct, r.unit),
    "direct (basic-ftp)": fmt(r.basicFtp, r.unit),
    "through Ferry": fmt(r.ferry, r.unit),
    "Ferry / direct": r.direct !== undefined && r.ferry !== undefined ? (r.unit === "ms" ? (r.ferry / r.direct).toFixed(2) : (r.ferry / r.direct).toFixed(2)) + "x" : "",
    "Ferry RSS rise": r.rssRise === undefined ? "" : `${(r.rssRise / MiB).toFixed(0)} MiB`,
    "Ferry peak RSS": r.peakRss === undefined ? "" : `${(r.peakRss / MiB).toFixed(0)} MiB`,
  }));
  console.log(`\nFerry benchmark: ${server}, 127.0.0.1, ${new Date().toISOString()}`);
  const columns = Object.keys(table[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => String(r[c as keyof typeof r]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of table) console.log(line(columns.map((c) => String(row[c as keyof typeof row]))));
  console.log("\nFor a listing, Ferry / direct is a time ratio (lower is better); for transfers a speed ratio (higher is better).");
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
