import "server-only";
import { audit } from "@/lib/audit/audit-log";
import { requestContext, setRequestSession } from "@/lib/audit/request-context";
import { toAppError } from "@/lib/ftp/errors";
import { clientIpOf } from "@/lib/security/client-ip";
import { assertSameOriginRequest } from "@/lib/security/csrf";
import { getSessionOrThrow } from "@/lib/session/sessions";
import type { SessionRecord } from "@/lib/session/store";
import { AppError } from "./errors";
import { errorResponse } from "./respond";

export interface RouteContext {
  req: Request;
  url: URL;
}

export interface SessionRouteContext extends RouteContext {
  session: SessionRecord;
}

/** Logs what a person cannot act on (500s); never the request body, so never a password. */
function logUnexpected(req: Request, error: AppError): void {
  if (error.status < 500 || error.code !== "internal") return;
  const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : String(error.cause);
  console.error(`[ferry] ${req.method} ${new URL(req.url).pathname} failed: ${cause}`);
}

async function handle(req: Request, run: () => Promise<Response>): Promise<Response> {
  // The client IP (and, once known, the session) ride along for every audit line of this request.
  return requestContext.run({ clientIp: clientIpOf(req) }, async () => {
    let res: Response;
    try {
      assertSameOriginRequest(req);
      res = await run();
    } catch (err) {
      const error = toAppError(err);
      logUnexpected(req, error);
      res = errorResponse(error);
    }
    // Every state-changing call leaves a line (who, which route, how it ended); routes add the details.
    if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) audit("api.request", { method: req.method, route: new URL(req.url).pathname, status: res.status });
    return res;
  });
}

/** A route anyone may call (login). Holds the CSRF rule and the only try/catch. */
export function publicRoute(handler: (ctx: RouteContext) => Promise<Response>) {
  return (req: Request) => handle(req, () => handler({ req, url: new URL(req.url) }));
}

/** A route that needs a live session; 401 otherwise. */
export function sessionRoute(handler: (ctx: SessionRouteContext) => Promise<Response>) {
  return (req: Request) =>
    handle(req, async () => {
      const session = await getSessionOrThrow(req);
      setRequestSession(session.id);
      return handler({ req, url: new URL(req.url), session });
    });
}

/** Parses a JSON body with a zod-like schema; a bad body is a 400 with the first problem in words. */
export async function readJson<T>(req: Request, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string; path: PropertyKey[] }> } } }): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError("bad_request", issue ? issue.message : "The request body is not valid.");
  }
  return result.data;
}
