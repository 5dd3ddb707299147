import { deleteEntries } from "@/lib/ftp/operations/delete-entries";
import { poolFor } from "@/lib/ftp/pools";
import { batchResponse } from "@/lib/http/batch-response";
import { readJson, sessionRoute } from "@/lib/http/route";
import { deleteBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/delete: delete files and folders (recursively), one result per entry
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, deleteBody);
  const paths = body.paths.map((p) => parseRemotePath(p));
  return batchResponse(req, "delete", (signal) => deleteEntries(poolFor(session), paths, { signal }));
});
