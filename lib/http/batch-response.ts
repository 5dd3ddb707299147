import "server-only";
import type { BatchItem, BatchRun } from "@/lib/ftp/batch";
import { toAppError } from "@/lib/ftp/errors";
import type { WalkStop } from "@/lib/ftp/walk";
import type { BatchEvent, BatchSummary } from "@/lib/schemas/file-operations";
import { json } from "./respond";

/** True when the client asked for a stream of NDJSON lines (`Accept: application/x-ndjson`). */
export function wantsNdjson(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/x-ndjson");
}

/**
 * Answers a batch operation (delete, copy, move, chmod, extract). With
 * `Accept: application/x-ndjson` every result is a line as it happens, then an
 * "end" line, so the UI can show progress; otherwise one JSON summary at the end.
 * Closing the stream (or aborting the request) aborts `signal`, which stops the run.
 */
export async function batchResponse(req: Request, start: (signal: AbortSignal) => BatchRun): Promise<Response> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  req.signal.addEventListener("abort", onAbort, { once: true });
  if (!wantsNdjson(req)) return summarize(start(controller.signal)).finally(() => req.signal.removeEventListener("abort", onAbort));

  const run = start(controller.signal);
  // The first step runs before the answer starts, so a failed precondition (missing
  // target folder, oversized zip) is a plain HTTP error rather than a line in a 200.
  let first: Promise<IteratorResult<BatchItem, WalkStop | null>> | undefined = Promise.resolve(await run.next());
  const encoder = new TextEncoder();
  let done = 0;
  let failed = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(out) {
      const line = (event: BatchEvent) => out.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const next = await (first ?? run.next());
        first = undefined;
        if (!next.done) {
          if (next.value.type === "done") done++;
          else failed++;
          line(next.value);
          return;
        }
        line({ type: "end", done, failed, stopped: next.value });
      } catch (err) {
        const error = toAppError(err);
        line({ type: "error", error: { code: error.code, message: error.message } });
      }
      req.signal.removeEventListener("abort", onAbort);
      out.close();
    },
    async cancel() {
      controller.abort();
      req.signal.removeEventListener("abort", onAbort);
      // Lets the generator run its finally blocks (temp-file cleanup) without waiting here.
      void run.return(null).catch(() => undefined);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform", "x-content-type-options": "nosniff" },
  });
}

async function summarize(run: BatchRun): Promise<Response> {
  const summary: BatchSummary = { done: [], failed: [], stopped: null };
  for (;;) {
    const next = await run.next();
    if (next.done) {
      summary.stopped = next.value;
      return json(summary);
    }
    const { type, ...item } = next.value;
    if (type === "done") summary.done.push(item as BatchSummary["done"][number]);
    else summary.failed.push(item as BatchSummary["failed"][number]);
  }
}
