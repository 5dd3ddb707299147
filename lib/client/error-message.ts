import type { Translate } from "@/lib/i18n";
import { messages } from "@/lib/i18n/messages";
import { ApiError } from "./api";

/**
 * A plain message for a failed call in the current language: `common.error.<code>` (for `target_denied`
 * the reason's own message when there is one), filled with the server's message and details;
 * the server's (English) message for a code the catalogue does not know.
 */
export function errorMessage(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return t("common.error.unknown");
  const details = err.details ?? {};
  const vars: Record<string, string | number> = { message: err.message };
  for (const [key, value] of Object.entries(details)) if (typeof value === "string" || typeof value === "number") vars[key] = value;
  if (vars.retryAfterSeconds === undefined) vars.retryAfterSeconds = "?";
  const reason = typeof details.reason === "string" ? `common.error.${err.code}.${details.reason}` : null;
  if (reason && reason in messages.en) return t(reason, vars);
  const key = `common.error.${err.code}`;
  if (key in messages.en) return t(key, vars);
  return err.message || t("common.error.unknown");
}
