// sendable (lib/ftp/upload-source.ts) against the embedded FTP server: what basic-ftp writes for
// a STOR, chunk for chunk, and each chunk given back once the data connection wrote it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sendable } from "@/lib/ftp/upload-source";
import { ownFolder } from "./fs-helpers";

let dir: Awaited<ReturnType<typeof ownFolder>>;
let client: Client;

beforeAll(async () => {
  dir = await ownFolder("upload-source");
  client = new Client(10_000);
  await client.access({ host: "127.0.0.1", port: inject("ftpPort"), user: "demo", password: "demo" });
});
afterAll(async () => {
  client.close();
  await dir.cleanup();
});

describe("sendable", () => {
  it("writes the source's chunks as they are and gives each back once written", async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(100_000 + i, i));
    const released: Buffer[] = [];
    await client.uploadFrom(sendable(Readable.from(chunks), client, (chunk) => released.push(chunk)), `${dir.remote}/released.bin`);
    // The very chunks, not copies, in order: their memory can be reused once given back.
    expect(released).toHaveLength(chunks.length);
    expect(released.every((chunk, i) => chunk === chunks[i])).toBe(true);
    expect((await readFile(join(dir.local, "released.bin"))).equals(Buffer.concat(chunks))).toBe(true);
  });

  it("does not read the source before the data connection is up", async () => {
    const source = new PassThrough();
    source.end(Buffer.from("late"));
    const stream = sendable(source, client);
    expect(source.readableFlowing).toBe(false);
    expect(source.readableLength).toBe(4);
    await client.uploadFrom(stream, `${dir.remote}/late.txt`);
    expect(await readFile(join(dir.local, "late.txt"), "utf8")).toBe("late");
  });

  it("fails the STOR with the source's error", async () => {
    let reads = 0;
    // Fails on its second read, once basic-ftp is reading it.
    const source = new Readable({
      read() {
        if (reads++ === 0) this.push(Buffer.alloc(1000));
        else this.destroy(new Error("the browser went away"));
      },
    });
    await expect(client.uploadFrom(sendable(source, client), `${dir.remote}/broken.bin`)).rejects.toThrow("the browser went away");
  });

  it("fails a source that broke before the data connection was up once it is, leaving no connection open", async () => {
    const own = new Client(10_000);
    await own.access({ host: "127.0.0.1", port: inject("ftpPort"), user: "demo", password: "demo" });
    const said: string[] = [];
    own.ftp.verbose = true;
    own.ftp.log = (line: string) => said.push(line);
    const source = new PassThrough();
    const stream = sendable(source, own);
    source.destroy(new Error("the browser went away early"));
    await expect(own.uploadFrom(stream, `${dir.remote}/early.bin`)).rejects.toThrow("the browser went away early");
    // The server opened the data connection and took the STOR before the failure ended both:
    // failing while it still waited for the connection would leave its passive port open.
    expect(said.some((line) => line.startsWith("< 150"))).toBe(true);
    const data = own.ftp.dataSocket;
    expect(data === undefined || data.destroyed).toBe(true);
    own.close();
  });
});
