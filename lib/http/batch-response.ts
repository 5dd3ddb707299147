import "server-only";
import type { BatchItem, BatchRun } from "@/lib/ftp/batch";
import type { BatchEvent, BatchSummary } from "@/lib/schemas/file-operations";
import { ndjsonResponse } from "./ndjson-response";
import { json } from "./respond";

/** True when the client asked for a stream of NDJSON lines (`Accept: application/x-ndjson`). */
export function wantsNdjson(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/x-ndjson");
}

/** A batch run as NDJSON events: its items, then an "end" line with the counts. */
async function* withEndLine(run: BatchRun): AsyncGenerator<BatchItem, BatchEvent> {
  let done = 0;
  let failed = 0;
  for (;;) {
    const next = await run.next();
    if (next.done) return { type: "end", done, failed, stopped: next.value };
    if (next.value.type === "done") done++;
    else failed++;
    yield next.value;
  }
}

/**
 * Answers a batch operation (delete, copy, move, chmod, extract). With
 * `Accept: application/x-ndjson` every result is a line as it happens, then an
 * "end" line, so the UI can show progress; otherwise one JSON summary at the end.
 * Aborting the request (or closing the stream) stops the run between two items.
 */
export async function batchResponse(req: Request, start: (signal: AbortSignal) => BatchRun): Promise<Response> {
  if (wantsNdjson(req)) return ndjsonResponse(req, (signal) => withEndLine(start(signal)));
  const run = start(req.signal);
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
