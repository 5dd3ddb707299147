import "server-only";
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "@/lib/http/errors";
import { decodeEntryName } from "./decode-entry-name";
import type { ZipEntryInfo } from "./plan-extraction";

export interface OpenedZip {
  zip: ZipFile;
  entries: Entry[];
  infos: ZipEntryInfo[];
  /** The entry's bytes, decompressed; yauzl errors the stream if they disagree with the sizes in the directory. */
  openEntry(index: number): Promise<Readable>;
  close(): void;
}

/**
 * Opens a spooled zip with random access and reads its central directory
 * without extracting anything. Refuses more than `maxEntries` from the
 * directory's count, before reading a single entry. Names are decoded here and
 * checked by `planExtraction` (yauzl's own check would reject the whole archive).
 */
export async function openZip(localPath: string, maxEntries: number): Promise<OpenedZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(localPath, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (err) {
    throw new AppError("unprocessable", "This file is not a zip archive Ferry can read.", { cause: err });
  }
  try {
    if (zip.entryCount > maxEntries) {
      throw new AppError("payload_too_large", `This archive has ${zip.entryCount} entries; Ferry extracts at most ${maxEntries}.`);
    }
    const entries: Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const infos = entries.map((e) => ({
      name: decodeEntryName(e.fileNameRaw, (e.generalPurposeBitFlag & 0x800) !== 0),
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      encrypted: e.isEncrypted(),
      compressionMethod: e.compressionMethod,
      // The high 16 bits hold the Unix mode when the archive was made on Unix (host 3).
      unixType: e.versionMadeBy >> 8 === 3 ? (e.externalFileAttributes >>> 16) & 0o170000 : 0,
    }));
    return {
      zip,
      entries,
      infos,
      openEntry: (index) => zip.openReadStreamPromise(entries[index]!),
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    if (err instanceof AppError) throw err;
    throw new AppError("unprocessable", "This zip archive is damaged.", { cause: err });
  }
}
