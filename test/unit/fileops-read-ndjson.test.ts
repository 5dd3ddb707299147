import { describe, expect, it } from "vitest";
import { readNdjson } from "@/components/fileops/read-ndjson";

/** A stream that delivers `chunks` one by one and records whether it was cancelled. */
function chunked(chunks: string[]): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let i = 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encoder.encode(chunks[i++]!));
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

async function collect<T>(gen: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

describe("readNdjson", () => {
  it("parses lines split across chunks, multi-byte characters included", async () => {
    const text = '{"a":"한글"}\n\n{"b":2}\n{"c":3}';
    const bytes = new TextEncoder().encode(text);
    // Cut inside the three-byte "한" to check the decoder keeps partial characters.
    const encoded = [bytes.slice(0, 7), bytes.slice(7, 15), bytes.slice(15)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of encoded) controller.enqueue(part);
        controller.close();
      },
    });
    expect(await collect(readNdjson(stream))).toEqual([{ a: "한글" }, { b: 2 }, { c: 3 }]);
  });

  it("yields each line before the stream ends", async () => {
    const source = chunked(['{"n":1}\n', '{"n":2}\n', '{"n":3}\n']);
    const gen = readNdjson<{ n: number }>(source.stream);
    expect((await gen.next()).value).toEqual({ n: 1 });
    expect((await gen.next()).value).toEqual({ n: 2 });
  });

  it("cancels the stream when the reader stops early", async () => {
    const source = chunked(['{"n":1}\n', '{"n":2}\n', '{"n":3}\n']);
    for await (const item of readNdjson<{ n: number }>(source.stream)) if (item.n === 1) break;
    expect(source.cancelled()).toBe(true);
  });
});
