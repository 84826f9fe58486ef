import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { hasUsers, mayRegister, registrationNotice } from "@/lib/users";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string }>;
}) {
  const { callbackUrl, email } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await currentUser()) redirect(target);
  const canRegister = mayRegister({ firstAccount: !(await hasUsers()), withInvite: false });
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
      <SignInForm callbackUrl={target} email={email} registration={canRegister ? null : registrationNotice()} />
    </>
  );
}
