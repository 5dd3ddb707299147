import { ftpUser } from "./harness/context";
import { call, expectJson } from "./api";
import type { Combo } from "./matrix";

/** Login body for a combo; extra fields (encoding, transferMode) override. */
export function loginBody(combo: Combo, extra: Record<string, unknown> = {}) {
  return { host: "127.0.0.1", port: combo.target.port, user: ftpUser.name, password: ftpUser.password, tls: combo.tls, transferMode: combo.mode, ...extra };
}

/** Logs in through POST /api/session and returns the cookie for later calls. */
export async function loginAs(combo: Combo, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call("POST", "/api/session", { json: loginBody(combo, extra) });
  await expectJson(res, 201);
  const raw = res.headers.get("set-cookie");
  if (!raw) throw new Error("login set no cookie");
  return raw.split(";")[0]!;
}

export async function logout(cookie: string): Promise<void> {
  await call("DELETE", "/api/session", { cookie });
}

export interface Entry {
  name: string;
  type: "file" | "dir" | "link" | "unknown";
  size: number | null;
  permissions: string | null;
  target: string | null;
  modifiedAt: string | null;
  rawModifiedAt: string | null;
}

export interface ListingBody {
  path: string;
  entries: Entry[];
  encodingHint?: string | null;
}

export async function list(cookie: string, path: string): Promise<ListingBody> {
  return expectJson<ListingBody>(await call("GET", "/api/fs/list", { cookie, query: { path } }), 200);
}
