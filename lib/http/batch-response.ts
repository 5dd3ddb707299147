import "server-only";
import { audit, type AuditEvent } from "@/lib/audit/audit-log";
import { requestContext } from "@/lib/audit/request-context";
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
 * The run, with an audit line per entry it changed or failed to change. A
 * streamed answer resumes the run outside the request's async context, so the
 * context (client IP, session) is taken now and restored for each line.
 */
async function* audited(event: AuditEvent, run: BatchRun): BatchRun {
  const context = requestContext.getStore();
  for (;;) {
    const next = await run.next();
    if (next.done) return next.value;
    const item = next.value;
    const fields = { path: item.path, result: item.type, code: item.type === "failed" ? item.error.code : undefined };
    if (context) requestContext.run(context, () => audit(event, fields));
    else audit(event, fields);
    yield item;
  }
}

/**
 * Answers a batch operation (delete, copy, move, chmod, extract). With
 * `Accept: application/x-ndjson` every result is a line as it happens, then an
 * "end" line, so the UI can show progress; otherwise one JSON summary at the end.
 * Aborting the request (or closing the stream) stops the run between two items.
 */
export async function batchResponse(req: Request, event: AuditEvent, start: (signal: AbortSignal) => BatchRun): Promise<Response> {
  if (wantsNdjson(req)) return ndjsonResponse(req, (signal) => withEndLine(audited(event, start(signal))));
  const run = audited(event, start(req.signal));
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
