// From picked or dropped files to queued uploads: empty folders first, then the files.
import { collectFromDrop, collectFromInput, foldersToCreate, type CollectedUpload } from "./collect-files";
import { makeFolders } from "./make-folders";
import { extractZipsPreference, uploadQueue } from "./upload-queue-instance";
import { xhrTransport } from "./transport";

export interface StartedUpload {
  files: number;
  /** Empty folders that could not be created. */
  failedFolders: string[];
}

async function start(baseDir: string, collected: CollectedUpload): Promise<StartedUpload> {
  const failedFolders = collected.emptyDirs.length ? await makeFolders(xhrTransport, foldersToCreate(baseDir, collected.emptyDirs)) : [];
  if (collected.files.length) uploadQueue().add(collected.files, { extractZips: extractZipsPreference() });
  return { files: collected.files.length, failedFolders };
}

/** Uploads what an `<input type=file>` gave (files, or a folder with `webkitdirectory`) into `baseDir`. */
export function uploadPicked(baseDir: string, files: FileList | readonly File[]): Promise<StartedUpload> {
  return start(baseDir, collectFromInput(Array.from(files), baseDir));
}

/** Uploads a drop (files and folders) into `baseDir`. Call it inside the drop event: the items are read at once. */
export function uploadDropped(baseDir: string, dataTransfer: DataTransfer): Promise<StartedUpload> {
  return collectFromDrop(dataTransfer, baseDir).then((collected) => start(baseDir, collected));
}
