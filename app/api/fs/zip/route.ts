import { splitRemote } from "@/lib/ftp/path-parts";
import { AppError } from "@/lib/http/errors";
import { nodeBodyResponse } from "@/lib/http/node-body";
import { sessionRoute } from "@/lib/http/route";
import { assertSafeName, parseRemotePath } from "@/lib/security/remote-path";
import { openZipDownload } from "@/lib/transfer/zip-download";

export const dynamic = "force-dynamic";

/** The archive's file name: `zipName`, else the one chosen entry's or the folder's name, with `.zip`. */
function zipNameOf(url: URL, dir: string, names: string[] | null): string {
  const asked = url.searchParams.get("zipName");
  if (asked !== null) return assertSafeName(asked);
  const base = names?.length === 1 ? names[0]! : splitRemote(dir).name || "files";
  return `${base}.zip`;
}

// GET /api/fs/zip: named entries of a folder (or the whole folder) as one streamed zip
export const GET = sessionRoute(async ({ req, url, session }) => {
  const dir = parseRemotePath(url.searchParams.get("dir"), "folder");
  const given = url.searchParams.getAll("name").map((n) => assertSafeName(n));
  if (new Set(given).size !== given.length) throw new AppError("bad_request", "A name is given twice.");
  const names = given.length > 0 ? given : null;
  const zipName = zipNameOf(url, dir, names);
  const zip = await openZipDownload(session, dir, names, zipName, req.signal);
  return nodeBodyResponse(zip.body, { status: 200, headers: zip.headers });
});
