import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

/** Revoking twice is fine; an invite that was already accepted cannot be revoked (409). */
export async function revokeInvite(tenantId: string, inviteId: string): Promise<void> {
  const { count } = await db().invite.updateMany({
    where: { id: inviteId, tenantId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count) return;
  const invite = await db().invite.findFirst({ where: { id: inviteId, tenantId }, select: { acceptedAt: true } });
  if (!invite) throw notFound("Invite");
  if (invite.acceptedAt) throw new AppError("conflict", "This invite was already accepted; remove the member instead.");
}
