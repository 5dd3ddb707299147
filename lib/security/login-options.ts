import "server-only";
import type { LoginOptions } from "@/lib/schemas/login-options";
import { currentPolicy } from "./target-policy";

/** The login form's choices: the pinned servers, or a free host field. */
export function loginOptions(): LoginOptions {
  const { pinned } = currentPolicy();
  return {
    servers: pinned.map(({ id, label, host, port }) => ({ id, label, host, port, demo: id === "demo" })),
    freeHost: pinned.length === 0,
  };
}
