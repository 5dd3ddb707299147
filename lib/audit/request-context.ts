import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** Who is asking: set by the route wrapper, read by the audit log anywhere below it. */
export interface RequestContext {
  clientIp: string;
  /** Set once the request's session is known (after the cookie check, or at login). */
  sessionId?: string;
}

const holder = globalThis as { __ferryRequestContext?: AsyncLocalStorage<RequestContext> };

/** The context of the current request, carried through every await inside it. */
export const requestContext = (holder.__ferryRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Records the session of the current request for the audit lines that follow. */
export function setRequestSession(sessionId: string): void {
  const store = requestContext.getStore();
  if (store) store.sessionId = sessionId;
}
