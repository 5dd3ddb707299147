import "server-only";
import { Socket } from "node:net";
import { TLSSocket } from "node:tls";
import type { FTPContext } from "basic-ftp";

/**
 * Largest single read from a data connection. libuv reads 64 KiB at a time; at loopback or LAN
 * speed the cost per read (a syscall, a callback, a pass through every stream and the HTTP
 * response) is what limits a download. Reading up to 4 MiB at once into blocks that are reused
 * once the HTTP side has sent them cuts Ferry's CPU per byte by more than half
 * (docs/performance.md has the figures).
 */
export const BLOCK_BYTES = 4 * 1024 * 1024;

/** Blocks a pool keeps for reuse; more in flight are allocated and left to the GC. */
const SPARE_BLOCKS = 3;

const counters = globalThis as { __ferryBlockReadConnections?: number };

/** How many data connections this process read in blocks (tests check the fast path is taken). */
export function blockReadConnections(): number {
  return counters.__ferryBlockReadConnections ?? 0;
}

/**
 * The read blocks of one transfer. A block handed on is taken back with `give` once its reader
 * is done with it (the HTTP write completed): a fresh 4 MiB allocation costs page faults and GC
 * work comparable to sending the data, reuse costs nothing. Blocks never given back (a web
 * stream body, a zip entry) are simply collected.
 */
export class BlockPool {
  private readonly spare: ArrayBuffer[] = [];
  private readonly own = new WeakSet<ArrayBufferLike>();

  take(): Buffer {
    const reused = this.spare.pop();
    if (reused) return Buffer.from(reused);
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    this.own.add(block.buffer);
    return block;
  }

  /** Takes back the block under `chunk`, if it is one of this pool's. Call once nothing reads it any more. */
  readonly give = (chunk: Uint8Array): void => {
    const block = chunk.buffer;
    if (!this.own.has(block) || this.spare.length >= SPARE_BLOCKS || this.spare.includes(block as ArrayBuffer)) return;
    this.spare.push(block as ArrayBuffer);
  };
}

/** Receives what a block-read data connection delivers; `socket` is that connection (pause it for backpressure). */
export type BlockHandler = (chunk: Buffer, socket: Socket) => void;

/**
 * Makes the next passive data connection that `ftp` opens hand what it reads to `onBlock`, in
 * blocks from `pool`, through Node's `onread` option instead of its readable side. That side
 * then carries no data but still ends (or errors) with the connection, so basic-ftp's own
 * `downloadTo`, its watchdog and its reply handling work unchanged around it.
 *
 * Only for a plain control connection: over FTPS the data connection is wrapped in TLS, which
 * must read the raw socket itself. In active mode no socket is created this way and nothing
 * changes. Returns an undo, for when no connection was opened; it is harmless after one was.
 */
export function readNextDataConnectionInBlocks(ftp: FTPContext, pool: BlockPool, onBlock: BlockHandler): () => void {
  if (ftp.socket instanceof TLSSocket) return () => undefined;
  // An own property shadows basic-ftp's method for the one call; deleting it restores the method.
  const undo = () => {
    if (Object.prototype.hasOwnProperty.call(ftp, "_newSocket")) delete (ftp as Partial<FTPContext>)._newSocket;
  };
  ftp._newSocket = () => {
    undo();
    counters.__ferryBlockReadConnections = blockReadConnections() + 1;
    return blockReadingSocket(pool, onBlock);
  };
  return undo;
}

function blockReadingSocket(pool: BlockPool, onBlock: BlockHandler): Socket {
  // A block at least half full is handed on as it is and the next read goes into another; a
  // sparse one (a slow link's small reads) is copied out and the block read into again.
  let block = pool.take();
  const socket: Socket = new Socket({
    onread: {
      buffer: () => block,
      callback: (bytes: number, buffer: Uint8Array) => {
        const filled = Buffer.from(buffer.buffer, buffer.byteOffset, bytes);
        if (bytes >= BLOCK_BYTES / 2) {
          block = pool.take();
          onBlock(filled, socket);
        } else {
          onBlock(Buffer.from(filled), socket);
        }
        return true;
      },
    },
  } as ConstructorParameters<typeof Socket>[0]);
  return socket;
}
