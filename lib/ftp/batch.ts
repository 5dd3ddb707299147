import "server-only";
import type { BatchEvent } from "@/lib/schemas/file-operations";
import { toAppError } from "./errors";
import type { WalkStop } from "./walk";

export type BatchItem = Extract<BatchEvent, { type: "done" | "failed" }>;

/** A batch operation: yields one result per entry it touched, returns why it stopped early (or null). */
export type BatchRun = AsyncGenerator<BatchItem, WalkStop | null>;

/** The "failed" result of one item, with the error in words a person can act on. */
export function failedItem(path: string, err: unknown): BatchItem {
  const error = toAppError(err);
  if (error.code === "internal") console.error(`[ferry] ${path}: ${error.cause instanceof Error ? error.cause.message : String(error.cause)}`);
  return { type: "failed", path, error: { code: error.code, message: error.message } };
}
