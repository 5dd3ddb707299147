// The page's one upload queue, shared by the upload buttons, drops and the panel.
import { ApiError, redirectIfLoggedOut } from "@/lib/client/api";
import { ResumeStore, type KeyValueStorage } from "./resume-store";
import { xhrTransport, type Transport } from "./transport";
import { UploadQueue } from "./upload-queue";

function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: uploads work, resuming after a reload does not
  }
}

/** XHR, plus the API client's rule: a lost session goes to the login form (unfinished chunked uploads resume after). */
const sessionAwareTransport: Transport = async (request) => {
  const response = await xhrTransport(request);
  if (response.status === 401) {
    const error = (response.body as { error?: { code?: string; message?: string } } | null)?.error;
    redirectIfLoggedOut(new ApiError(401, error?.code ?? "unauthenticated", error?.message ?? "HTTP 401"));
  }
  return response;
};

const holder = globalThis as { __ferryUploads?: { queue: UploadQueue; resume: ResumeStore } };

function instance() {
  if (!holder.__ferryUploads) {
    const resume = new ResumeStore(browserStorage());
    const queue = new UploadQueue({ transport: sessionAwareTransport, resume });
    // Uploads that failed while the network was down continue (chunked ones from the server's offset) once it is back.
    window.addEventListener("online", () => queue.retryNetworkFailures());
    holder.__ferryUploads = { resume, queue };
  }
  return holder.__ferryUploads;
}

/** The queue of this page (created on first use, in the browser only). */
export function uploadQueue(): UploadQueue {
  return instance().queue;
}

/** Where unfinished chunked uploads are remembered, and how the page talks to the API. */
export function uploadResume(): { resume: ResumeStore; transport: Transport } {
  return { resume: instance().resume, transport: sessionAwareTransport };
}

const extractKey = "ferry.upload.extractZips";

/** The "extract .zip after upload" choice, remembered in this browser. */
export function extractZipsPreference(): boolean {
  return browserStorage()?.getItem(extractKey) === "1";
}

export function setExtractZipsPreference(on: boolean): void {
  try {
    browserStorage()?.setItem(extractKey, on ? "1" : "0");
  } catch {
    // not remembered; the checkbox still applies to this page
  }
}
