import { createReadStream } from "node:fs";

/**
 * A multipart/form-data body streamed from files on disk (never buffered whole), as a
 * browser sends an upload: one part per file, field name `file`, UTF-8 file names.
 */
export function multipartFromFiles(files: Array<{ path: string; name: string }>, fields: Record<string, string> = {}): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----ferry-interop-${Math.random().toString(16).slice(2)}`;
  const encoder = new TextEncoder();
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (const [name, value] of Object.entries(fields)) {
      yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    }
    for (const file of files) {
      const quoted = file.name.replace(/"/g, "%22");
      yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
      for await (const chunk of createReadStream(file.path, { highWaterMark: 1024 * 1024 })) yield new Uint8Array(chunk as Buffer);
      yield encoder.encode("\r\n");
    }
    yield encoder.encode(`--${boundary}--\r\n`);
  }
  const iterator = parts();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
