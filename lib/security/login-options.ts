import "server-only";
import { env } from "@/lib/env";
import type { LoginOptions } from "@/lib/schemas/login-options";
import { currentPolicy } from "./target-policy";

/** The login form's choices: the pinned servers, or a free host field; whether active mode is offered. */
export function loginOptions(): LoginOptions {
  const { pinned } = currentPolicy();
  return {
    servers: pinned.map(({ id, label, host, port }) => ({ id, label, host, port, demo: id === "demo" })),
    freeHost: pinned.length === 0,
    activeMode: env().FTP_ACTIVE_ENABLED,
  };
}
