import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";

/** See scripts/block-request-body.mjs. */
export function blockRequestBody(req: IncomingMessage, res: ServerResponse): Readable | null;
export function releaseRequestBytes(chunk: Uint8Array): void;
