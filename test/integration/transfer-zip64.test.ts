// A zip past 4 GiB: the entry sizes and the offsets after it need ZIP64 records. The big file is
// sparse on the FTP server's disk, the zip is streamed through the route and only its tail (the
// last entry, the central directory and the end records) is kept; yauzl then reads the archive
// through a reader that serves that tail, so a real zip reader checks the ZIP64 structures.
import { open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import yauzl from "yauzl";
import * as zipRoute from "@/app/api/fs/zip/route";
import { apiRequest, login } from "./helpers";
import { ownFolder } from "./fs-helpers";
import { MiB } from "./transfer-helpers";

const bigSize = 4 * 1024 * MiB + 3 * MiB + 17; // past 0xFFFFFFFF
const bigEnd = Buffer.from("end of the big file");
const afterText = "after the 4 GiB mark\n";
const tailBytes = 4 * MiB;

let cookie: string;
let dir: Awaited<ReturnType<typeof ownFolder>>;

beforeAll(async () => {
  cookie = await login();
  dir = await ownFolder("zip64");
  const big = await open(join(dir.local, "big.bin"), "w");
  await big.truncate(bigSize); // a hole: no disk space used
  await big.write(bigEnd, 0, bigEnd.length, bigSize - bigEnd.length);
  await big.close();
  await writeFile(join(dir.local, "z-after.txt"), afterText);
});
afterAll(() => dir.cleanup());

/** Serves reads from the kept tail of the archive; anything before it was not kept. */
class TailReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly tail: Buffer,
    private readonly tailStart: number,
  ) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    if (start < this.tailStart) throw new Error(`read of ${start}-${end} lies before the kept tail (${this.tailStart})`);
    return Readable.from([this.tail.subarray(start - this.tailStart, end - this.tailStart)]);
  }
}

it("streams a zip past 4 GiB with ZIP64 sizes and offsets that a zip reader accepts", async () => {
  const query = new URLSearchParams([["dir", dir.remote], ["name", "big.bin"], ["name", "z-after.txt"]]);
  const res = await zipRoute.GET(apiRequest("GET", `/api/fs/zip?${query}`, { cookie }));
  expect(res.status).toBe(200);
  // Streamed through, keeping the last `tailBytes` only.
  let total = 0;
  const kept: Buffer[] = [];
  let keptBytes = 0;
  for await (const chunk of res.body! as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    kept.push(Buffer.from(chunk));
    keptBytes += chunk.length;
    while (keptBytes - kept[0]!.length >= tailBytes) keptBytes -= kept.shift()!.length;
  }
  expect(total).toBeGreaterThan(bigSize);
  expect(Number(res.headers.get("x-ferry-content-length"))).toBe(total);
  const tail = Buffer.concat(kept);
  const zip = await yauzl.fromRandomAccessReaderPromise(new TailReader(tail, total - tail.length), total, { lazyEntries: true, validateEntrySizes: true });
  const entries = new Map<string, { entry: yauzl.Entry; content?: string }>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName, { entry });
      if (entry.fileName !== "z-after.txt") return zip.readEntry();
      // Its local header and data lie past 4 GiB, inside the kept tail.
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        stream.on("data", (d: Buffer) => parts.push(d));
        stream.on("error", reject);
        stream.on("end", () => {
          entries.get(entry.fileName)!.content = Buffer.concat(parts).toString("utf8");
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  expect([...entries.keys()]).toEqual(["big.bin", "z-after.txt"]);
  const big = entries.get("big.bin")!.entry;
  expect([big.uncompressedSize, big.compressedSize]).toEqual([bigSize, bigSize]);
  const after = entries.get("z-after.txt")!;
  expect(after.entry.relativeOffsetOfLocalHeader).toBeGreaterThan(0xffffffff);
  expect(after.content).toBe(afterText);
  // The big file's last bytes sit just before that entry.
  expect(tail.includes(bigEnd)).toBe(true);
}, 300_000);
