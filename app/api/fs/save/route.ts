import { audit } from "@/lib/audit/audit-log";
import { saveText } from "@/lib/ftp/operations/save-text";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { readJson, sessionRoute } from "@/lib/http/route";
import { saveBody } from "@/lib/schemas/file-operations";
import { parseRemotePath } from "@/lib/security/remote-path";

export const dynamic = "force-dynamic";

// POST /api/fs/save: save editor text (temp name + rename), refusing to overwrite changes made meanwhile
export const POST = sessionRoute(async ({ req, session }) => {
  const { path, ...save } = await readJson(req, saveBody);
  const target = parseRemotePath(path);
  const saved = await saveText(poolFor(session), save, target);
  audit("save", { path: target });
  return json(saved);
});
