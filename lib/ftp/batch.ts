import "server-only";
import { FTPError } from "basic-ftp";
import { AppError } from "@/lib/http/errors";
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

/**
 * The "failed" result of a command on an entry Ferry has just seen in its folder's
 * listing: a 550 then means the server refused (permissions, a protected file),
 * not that the entry is missing, so it is 403 `ftp_permission_denied`.
 */
export function refusedItem(path: string, err: unknown, action: string): BatchItem {
  if (err instanceof FTPError && err.code === 550) {
    return failedItem(path, new AppError("ftp_permission_denied", `The server refused to ${action} this item: you may not have permission.`, { cause: err }));
  }
  return failedItem(path, err);
}

/** Runs `run` and calls `release` when it ends, however it ends (finished, failed or cancelled). */
export async function* releasingWhenDone(run: BatchRun, release: () => void): BatchRun {
  try {
    return yield* run;
  } finally {
    release();
  }
}
