import { makeDirectory } from "@/lib/ftp/operations/make-directory";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { readJson, sessionRoute } from "@/lib/http/route";
import { pathBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/mkdir: create a folder
export const POST = sessionRoute(async ({ req, session }) => {
  const body = await readJson(req, pathBody);
  return json(await makeDirectory(poolFor(session), parseRemotePath(body.path)), { status: 201 });
});
