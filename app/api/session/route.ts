import { audit } from "@/lib/audit/audit-log";
import { setRequestSession } from "@/lib/audit/request-context";
import { openVerifiedClient } from "@/lib/ftp/operations/login";
import { poolFor } from "@/lib/ftp/pools";
import { json } from "@/lib/http/respond";
import { publicRoute, readJson, sessionRoute } from "@/lib/http/route";
import { loginSchema } from "@/lib/schemas/session";
import { withLoginLimits } from "@/lib/security/login-limits";
import { readSessionCookie, sealSessionId, sessionSetCookie, unsealSessionId } from "@/lib/session/cookie";
import { createSession, describeSession, destroySession } from "@/lib/session/sessions";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// POST /api/session: connect to an FTP server and start a session (the cookie is set only on success)
export const POST = publicRoute(async ({ req }) => {
  const profile = await readJson(req, loginSchema);
  const { client, home } = await withLoginLimits(req, profile, () => openVerifiedClient(profile));
  // A new id at every login; an older session of this browser is revoked.
  const previous = await unsealSessionId(readSessionCookie(req.headers.get("cookie")));
  if (previous) await destroySession(previous);
  const session = await createSession(profile, home);
  poolFor(session).adopt(client);
  setRequestSession(session.id);
  audit("login.success", { host: profile.host, port: profile.port, user: profile.user, tls: profile.tls });
  const cookie = sessionSetCookie(await sealSessionId(session.id), env().SESSION_MAX_HOURS * 3600);
  return json(describeSession(session), { status: 201, headers: { "set-cookie": cookie } });
});

// GET /api/session: the current connection, without secrets
export const GET = sessionRoute(async ({ session }) => json(describeSession(session)));

// DELETE /api/session: log out (revokes the session server-side and closes its connections)
export const DELETE = publicRoute(async ({ req }) => {
  const id = await unsealSessionId(readSessionCookie(req.headers.get("cookie")));
  if (id) {
    setRequestSession(id);
    audit("logout");
    await destroySession(id);
  }
  return new Response(null, { status: 204, headers: { "set-cookie": sessionSetCookie("", 0), "cache-control": "no-store" } });
});
