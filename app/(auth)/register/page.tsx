import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { hasUsers, mayRegister, registrationMode, registrationNotice } from "@/lib/users";

export const metadata: Metadata = { title: "Register" };
export const dynamic = "force-dynamic";

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect(safeCallbackUrl(callbackUrl));
  const firstUser = !(await hasUsers());
  if (!mayRegister({ firstAccount: firstUser, withInvite: false })) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-semibold tracking-tight text-slate-900">
          {registrationMode() === "closed" ? "Registration is closed" : "Registration is by invitation"}
        </h1>
        <p className="text-sm text-slate-600">{registrationNotice()}</p>
        <p className="mt-6 text-center text-sm text-slate-600">
          Already registered?{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">Create your account</h1>
      <RegisterForm firstUser={firstUser} callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </>
  );
}
