import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteButton } from "@/components/auth/accept-invite-button";
import { RegisterForm } from "@/components/auth/register-form";
import { currentUser } from "@/lib/auth/session";
import { describeInvite } from "@/lib/invites";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await describeInvite(token);
  if (!invite || !invite.usable) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-semibold tracking-tight text-slate-900">This invite link cannot be used</h1>
        <p className="text-sm text-slate-600">
          It expired, was already used, or was revoked. Ask the person who invited you for a new link.
        </p>
      </>
    );
  }
  const user = await currentUser();
  const self = `/invite/${encodeURIComponent(token)}`;
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold tracking-tight text-slate-900">Join {invite.tenantName}</h1>
      <p className="mb-6 text-sm text-slate-600">
        You are invited as <strong>{invite.role}</strong> ({invite.email}).
      </p>
      {user ? (
        user.email === invite.email ? (
          <AcceptInviteButton token={token} />
        ) : (
          <p className="text-sm text-slate-600">
            You are signed in as {user.email}, but this invite is for {invite.email}. Sign out and open the link again.
          </p>
        )
      ) : (
        <>
          <RegisterForm firstUser={false} inviteToken={token} inviteEmail={invite.email} />
          <p className="mt-4 text-center text-sm text-slate-600">
            Have an account with {invite.email}?{" "}
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(self)}&email=${encodeURIComponent(invite.email)}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Sign in to accept
            </Link>
          </p>
        </>
      )}
    </>
  );
}
