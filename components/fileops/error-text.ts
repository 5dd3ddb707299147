// Failures in the user's language, through ui-shell's errorMessage (common.error.<code>).
import { ApiError } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import type { Translate } from "@/lib/i18n";

/** A sentence for anything a call threw (an ApiError's code picks the catalogue sentence). */
export const errorText = (t: Translate, err: unknown): string => errorMessage(t, err);

/** A sentence for one failed item of a batch (`{ code, message }` from the server). */
export function errorSentence(t: Translate, code: string, message: string): string {
  return errorMessage(t, new ApiError(0, code, message));
}
