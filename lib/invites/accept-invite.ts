// Accepting spends the invite in one conditional UPDATE (pending, not revoked, not expired):
// of two accepts racing with one token, the second finds it spent. The invite is bound to its
// email, so a forwarded or leaked link is useless to any other account.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_RANK } from "@/lib/auth/principal";
import { hashInviteToken } from "./invite-token";

const invalid = () =>
  new AppError(
    "invite_invalid",
    "This invite link is not valid: it expired, was used or revoked, or is for another email address.",
  );

/** Inside the caller's transaction (registration); rolls back with it. */
export async function acceptInviteWith(
  tx: Prisma.TransactionClient,
  token: string,
  user: { id: string; email: string },
): Promise<{ tenantId: string; role: Role }> {
  const tokenHash = hashInviteToken(token);
  const { count } = await tx.invite.updateMany({
    where: {
      tokenHash,
      email: user.email.toLowerCase(),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    data: { acceptedAt: new Date(), acceptedBy: user.id },
  });
  if (!count) throw invalid();
  const invite = await tx.invite.findUniqueOrThrow({ where: { tokenHash } });
  const existing = await tx.membership.findUnique({
    where: { tenantId_userId: { tenantId: invite.tenantId, userId: user.id } },
  });
  // Already a member: an invite may raise the role, never lower it.
  const role = existing && ROLE_RANK[existing.role] >= ROLE_RANK[invite.role] ? existing.role : invite.role;
  await tx.membership.upsert({
    where: { tenantId_userId: { tenantId: invite.tenantId, userId: user.id } },
    create: { tenantId: invite.tenantId, userId: user.id, role },
    update: { role },
  });
  return { tenantId: invite.tenantId, role };
}

/** A signed-in user joins the invite's tenant. */
export async function acceptInvite(userId: string, token: string): Promise<{ tenantId: string; role: Role }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw invalid();
    return acceptInviteWith(tx, token, user);
  });
}
