// A scripted in-memory stand-in for the Transfer API (docs/api.md), used as the upload
// engine's Transport in unit tests. It stores bytes, so tests can check what arrived.
import { abortError, NetworkError, type Transport, type TransportRequest, type TransportResponse } from "@/lib/client/transfers/transport";

interface PendingUpload {
  dir: string;
  name: string;
  size: number;
  bytes: Uint8Array;
  overwrite: boolean;
}

type Fault = (req: TransportRequest) => TransportResponse | NetworkError | null;

function error(status: number, code: string, details?: Record<string, unknown>): TransportResponse {
  return { status, body: { error: { code, message: code, details } } };
}

const join = (dir: string, name: string) => (dir.endsWith("/") ? dir + name : `${dir}/${name}`);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class FakeTransferServer {
  /** Remote files by absolute path. */
  files = new Map<string, Uint8Array>();
  uploads = new Map<string, PendingUpload>();
  requests: { method: string; url: string }[] = [];
  chunkSize = 4;
  /** While true, requests wait until release() (to see what runs in parallel). */
  hold = false;
  /** Checked before each request: answer something else (or fail the network) for the matching ones. */
  faults: Fault[] = [];
  private held: { release: () => void; req: TransportRequest }[] = [];
  private heldWaiters: { count: number; resolve: () => void }[] = [];
  private nextUpload = 1;

  /** Like TRANSFERS_PER_SESSION: with more requests than this in flight (held ones count), answer 429. */
  slots = Infinity;
  private inFlight = 0;

  transport: Transport = async (req) => {
    this.requests.push({ method: req.method, url: req.url });
    this.inFlight++;
    try {
      if (this.hold) await this.waitForRelease(req);
      if (req.signal?.aborted) throw abortError();
      if (this.inFlight > this.slots) return error(429, "rate_limited", { retryAfterSeconds: 2 });
      for (const fault of this.faults) {
        const answer = fault(req);
        if (answer instanceof NetworkError) throw answer;
        if (answer) return answer;
      }
      return await this.handle(req);
    } finally {
      this.inFlight--;
    }
  };

  /** Requests currently held. */
  get heldRequests(): TransportRequest[] {
    return this.held.map((h) => h.req);
  }

  /** Resolves once `count` requests are being held. */
  whenHeld(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push({ count, resolve }));
  }

  /** Lets the oldest held request (or the one for `url`) through. */
  release(match?: (req: TransportRequest) => boolean): void {
    const index = match ? this.held.findIndex((h) => match(h.req)) : 0;
    const [held] = this.held.splice(index, 1);
    held?.release();
  }

  private waitForRelease(req: TransportRequest): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry = { req, release: resolve };
      this.held.push(entry);
      req.signal?.addEventListener("abort", () => {
        this.held = this.held.filter((h) => h !== entry);
        reject(abortError());
      });
      for (const waiter of this.heldWaiters.filter((w) => this.held.length >= w.count)) waiter.resolve();
      this.heldWaiters = this.heldWaiters.filter((w) => this.held.length < w.count);
    });
  }

  private async handle(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.url, "http://ferry.test");
    const path = url.pathname;
    if (req.method === "POST" && path === "/api/fs/upload") return this.multipart(req, url);
    if (req.method === "POST" && path === "/api/fs/uploads") return this.create(req.body as Record<string, unknown>);
    if (req.method === "POST" && path === "/api/fs/mkdir") return { status: 201, body: { path: (req.body as { path: string }).path } };
    if (req.method === "POST" && path === "/api/fs/extract") return { status: 200, body: { done: [{ path: "x" }, { path: "y" }], failed: [], stopped: null } };
    const match = /^\/api\/fs\/uploads\/([^/]+)(\/complete)?$/.exec(path);
    const upload = match ? this.uploads.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !upload) return error(404, "not_found");
    const id = decodeURIComponent(match[1]!);
    if (req.method === "GET") return { status: 200, body: { id, dir: upload.dir, name: upload.name, size: upload.size, offset: upload.bytes.length, expiresAt: "2999-01-01T00:00:00Z" } };
    if (req.method === "DELETE") {
      this.uploads.delete(id);
      return { status: 204, body: null };
    }
    if (req.method === "PUT") {
      const offset = Number(url.searchParams.get("offset"));
      if (offset !== upload.bytes.length) return error(409, "offset_mismatch", { offset: upload.bytes.length });
      const chunk = new Uint8Array(await (req.body as Blob).arrayBuffer());
      req.onUploadProgress?.(Math.floor(chunk.length / 2), chunk.length);
      req.onUploadProgress?.(chunk.length, chunk.length);
      upload.bytes = concat(upload.bytes, chunk);
      return { status: 200, body: { offset: upload.bytes.length } };
    }
    const target = join(upload.dir, upload.name);
    if (this.files.has(target) && !upload.overwrite && url.searchParams.get("overwrite") !== "1") return error(409, "exists");
    this.files.set(target, upload.bytes);
    this.uploads.delete(id);
    return { status: 200, body: { name: upload.name, path: target, size: upload.bytes.length } };
  }

  private async multipart(req: TransportRequest, url: URL): Promise<TransportResponse> {
    const dir = url.searchParams.get("dir")!;
    const file = (req.body as FormData).get("file") as File;
    const target = join(dir, file.name);
    if (this.files.has(target) && url.searchParams.get("overwrite") !== "1") return error(409, "exists");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const total = bytes.length + 200; // multipart headers
    req.onUploadProgress?.(Math.floor(total / 2), total);
    req.onUploadProgress?.(total, total);
    this.files.set(target, bytes);
    return { status: 200, body: { files: [{ name: file.name, path: target, size: bytes.length }] } };
  }

  private create(body: Record<string, unknown>): TransportResponse {
    const dir = String(body.dir);
    const name = String(body.name);
    if (this.files.has(join(dir, name)) && !body.overwrite) return error(409, "exists");
    const id = `u${this.nextUpload++}`;
    this.uploads.set(id, { dir, name, size: Number(body.size), bytes: new Uint8Array(), overwrite: Boolean(body.overwrite) });
    return { status: 201, body: { id, offset: 0, chunkSize: this.chunkSize, expiresAt: "2999-01-01T00:00:00Z" } };
  }
}

/** A File with the given text content and modification time. */
export function textFile(name: string, content: string, lastModified = 1_700_000_000_000): File {
  return new File([content], name, { lastModified });
}

/** A Map behind the Storage interface (what localStorage gives in the browser). */
export function memoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length"> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() {
      return map.size;
    },
  };
}
