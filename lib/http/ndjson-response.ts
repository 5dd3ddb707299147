import "server-only";
import { toAppError } from "@/lib/ftp/errors";

/**
 * Streams a generator's values as NDJSON lines, then its return value as the last
 * line. The first step runs before the answer starts, so a failed precondition
 * (missing folder, oversized zip) is a plain HTTP error; a later failure becomes
 * a `{ "type": "error", "error": { code, message } }` line. Aborting the request or
 * cancelling the stream aborts `signal` and returns the generator (its finally blocks run).
 */
export async function ndjsonResponse<T, R>(req: Request, start: (signal: AbortSignal) => AsyncGenerator<T, R>): Promise<Response> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  req.signal.addEventListener("abort", onAbort, { once: true });
  const run = start(controller.signal);
  let first: IteratorResult<T, R> | undefined;
  try {
    first = await run.next();
  } catch (err) {
    req.signal.removeEventListener("abort", onAbort);
    throw err;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(out) {
      const line = (value: unknown) => out.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const next = first ?? (await run.next());
        first = undefined;
        line(next.value);
        if (!next.done) return;
      } catch (err) {
        const error = toAppError(err);
        line({ type: "error", error: { code: error.code, message: error.message } });
      }
      req.signal.removeEventListener("abort", onAbort);
      out.close();
    },
    cancel() {
      controller.abort();
      req.signal.removeEventListener("abort", onAbort);
      // Not awaited: the generator may be mid-step; it stops at its next check of `signal`.
      void run.return(undefined as R).catch(() => undefined);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform", "x-content-type-options": "nosniff" },
  });
}
