import { describe, expect, it } from "vitest";
import { BLOCK_BYTES, BlockPool } from "@/lib/ftp/block-data-socket";

describe("BlockPool", () => {
  it("hands out a block given back instead of allocating one", () => {
    const pool = new BlockPool();
    const first = pool.take();
    expect(first.length).toBe(BLOCK_BYTES);
    pool.give(first.subarray(0, 100)); // a chunk read into it, as the HTTP side gives it back
    expect(pool.take().buffer).toBe(first.buffer);
    expect(pool.take().buffer).not.toBe(first.buffer);
  });

  it("takes back only its own blocks, each once, and keeps only a few", () => {
    const pool = new BlockPool();
    const foreign = Buffer.alloc(BLOCK_BYTES); // the same size, not from this pool
    pool.give(foreign);
    expect(pool.take().buffer).not.toBe(foreign.buffer);
    const blocks = Array.from({ length: 5 }, () => pool.take());
    const block = blocks[0]!;
    pool.give(block);
    pool.give(block);
    expect(pool.take().buffer).toBe(block.buffer);
    expect(pool.take().buffer).not.toBe(block.buffer);
    for (const b of blocks) pool.give(b);
    const reused = new Set(Array.from({ length: 5 }, () => pool.take().buffer));
    expect(blocks.filter((b) => reused.has(b.buffer)).length).toBe(3);
  });
});
