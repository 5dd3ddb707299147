import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Origins this Ferry answers on: the request's own, plus any configured behind a proxy. */
function ownOrigins(req: Request): string[] {
  const url = new URL(req.url);
  const origins = [url.origin];
  const host = req.headers.get("host");
  if (host) origins.push(`${url.protocol}//${host}`);
  for (const extra of env().TRUSTED_ORIGINS.split(",")) if (extra.trim()) origins.push(extra.trim().replace(/\/$/, ""));
  return origins;
}

/**
 * State-changing requests must come from Ferry's own pages: same Origin and the
 * `X-Ferry-Request: 1` header (which a cross-site form cannot add). Login too:
 * a forged login would send a victim's uploads to an attacker's server.
 */
export function assertSameOriginRequest(req: Request): void {
  if (safeMethods.has(req.method.toUpperCase())) return;
  const refuse = () => new AppError("csrf_rejected", "This request did not come from Ferry's own page and was refused.");
  if (req.headers.get("x-ferry-request") !== "1") throw refuse();
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") throw refuse();
  const origin = req.headers.get("origin");
  if (!origin || origin === "null" || !ownOrigins(req).includes(origin)) throw refuse();
}
