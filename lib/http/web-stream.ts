import "server-only";
import type { Readable } from "node:stream";

/**
 * A web ReadableStream over a Node stream for a Response body. Hand-written with
 * pull/cancel because `Readable.toWeb()` can throw an uncaught ERR_INVALID_STATE
 * when the browser aborts (see the pitfalls note). Each `pull` takes one chunk,
 * so a browser that stops reading stops the Node stream, and through it the FTP
 * read (backpressure end to end). `onCancel` runs when the browser goes away.
 */
export function toWebStream(source: Readable, onCancel: (reason: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      } catch (err) {
        // Erroring (never closing) the body makes the HTTP response end abnormally: the browser
        // reports a failed download instead of saving a truncated file as complete.
        controller.error(err);
      }
    },
    cancel(reason) {
      onCancel(reason);
      source.destroy();
    },
  });
}
