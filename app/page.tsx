import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { filesHref } from "@/lib/client/paths";
import { readSessionCookie } from "@/lib/session/cookie";
import { sessionFromCookieOrThrow } from "@/lib/session/sessions";

export const dynamic = "force-dynamic";

/** "/": the home folder of a live session, otherwise the login form. */
export default async function Home() {
  const cookie = readSessionCookie((await headers()).get("cookie"));
  // redirect() throws, so it stays outside the try.
  let home: string | null = null;
  try {
    home = (await sessionFromCookieOrThrow(cookie)).home;
  } catch {
    home = null;
  }
  redirect(home === null ? "/login" : filesHref(home));
}
