import type { IncomingMessage, ServerResponse } from "node:http";

/** See scripts/front.mjs. */
export function ferryFront(handle: (req: IncomingMessage, res: ServerResponse) => unknown): (req: IncomingMessage, res: ServerResponse) => void;
