// How the upload engine talks HTTP. The browser implementation is XHR because
// fetch() reports no upload progress; tests plug in a scripted fake.

export interface TransportRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  /** A JSON-able object (sent as JSON), a Blob (sent raw) or FormData. */
  body?: unknown;
  /** Bytes of the body sent so far, from the browser's upload progress events. */
  onUploadProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Parsed JSON body, or null when there was none. */
  body: unknown;
}

/** Sends one request. Rejects with NetworkError when no answer came, with an AbortError when `signal` fired. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The connection failed before any HTTP answer (offline, server restarted, proxy reset). */
export class NetworkError extends Error {
  constructor(message = "network error") {
    super(message);
    this.name = "NetworkError";
  }
}

export function abortError(): DOMException {
  return new DOMException("The upload was cancelled", "AbortError");
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The browser transport: XMLHttpRequest with the header every state change needs (`X-Ferry-Request: 1`). */
export const xhrTransport: Transport = (request) =>
  new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    xhr.setRequestHeader("X-Ferry-Request", "1");
    xhr.setRequestHeader("Accept", "application/json");
    let body: XMLHttpRequestBodyInit | null = null;
    if (request.body instanceof Blob) {
      body = request.body;
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
    } else if (request.body instanceof FormData) {
      body = request.body; // the browser sets the multipart boundary
    } else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      xhr.setRequestHeader("Content-Type", "application/json");
    }
    const onAbort = () => xhr.abort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => request.signal?.removeEventListener("abort", onAbort);
    if (request.onUploadProgress) {
      const report = request.onUploadProgress;
      xhr.upload.addEventListener("progress", (e) => report(e.loaded, e.lengthComputable ? e.total : 0));
    }
    xhr.addEventListener("load", () => {
      done();
      resolve({ status: xhr.status, body: parseBody(xhr.responseText) });
    });
    xhr.addEventListener("error", () => {
      done();
      reject(new NetworkError());
    });
    xhr.addEventListener("timeout", () => {
      done();
      reject(new NetworkError("timed out"));
    });
    xhr.addEventListener("abort", () => {
      done();
      reject(abortError());
    });
    xhr.send(body);
  });
