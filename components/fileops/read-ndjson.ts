// Reads a streamed NDJSON answer (batch operations, search) line by line as it arrives.

/**
 * Yields each JSON line of `body` as soon as its newline arrives. A last line
 * without a newline is parsed too; blank lines are skipped. Cancelling the
 * consumer (breaking out of `for await`) cancels the stream, which tells the
 * server to stop.
 */
export async function* readNdjson<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T, void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line !== "") yield JSON.parse(line) as T;
        newline = buffered.indexOf("\n");
      }
      if (done) break;
    }
    finished = true;
    const rest = buffered.trim();
    if (rest !== "") yield JSON.parse(rest) as T;
  } finally {
    // An early exit (the user cancelled) must reach the server: cancel rather than just let go.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
