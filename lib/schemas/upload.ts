import { z } from "zod";

/** Body of `POST /api/fs/uploads`: start a resumable upload. */
export const createUploadBody = z.object({
  dir: z.string({ error: "dir is required." }),
  name: z.string({ error: "name is required." }),
  size: z.number({ error: "size (bytes) is required." }).int().min(0, "size must be 0 or more."),
  overwrite: z.boolean().optional(),
  mkdirs: z.boolean().optional(),
});

export type CreateUploadBody = z.infer<typeof createUploadBody>;

/** What `GET /api/fs/uploads/<id>` answers. */
export interface UploadStatus {
  id: string;
  dir: string;
  name: string;
  size: number;
  /** Bytes the server holds (the temp file's SIZE). */
  offset: number;
  /** ISO 8601. */
  expiresAt: string;
}
