import { json } from "@/lib/http/respond";
import { publicRoute } from "@/lib/http/route";
import { loginOptions } from "@/lib/security/login-options";

export const dynamic = "force-dynamic";

// GET /api/config: what the login form offers (pinned servers, or a free host field)
export const GET = publicRoute(async () => json(loginOptions()));
