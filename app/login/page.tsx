import { loginOptions } from "@/lib/security/login-options";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

/** The connect form. `?next=` is where to go after login, `?reason=session_expired` explains why we are here. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === "string" && params.next.startsWith("/") && !params.next.startsWith("//") ? params.next : null;
  const reason = typeof params.reason === "string" ? params.reason : null;
  return <LoginForm options={loginOptions()} next={next} reason={reason} />;
}
