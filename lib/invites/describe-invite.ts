import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashInviteToken } from "./invite-token";

export interface InviteDescription {
  tenantName: string;
  email: string;
  role: Role;
  usable: boolean;
}

/** What an invite link offers, for its landing page; null when the token names no invite. */
export async function describeInvite(token: string): Promise<InviteDescription | null> {
  const invite = await db().invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: { tenant: { select: { name: true } } },
  });
  if (!invite) return null;
  const usable = !invite.acceptedAt && !invite.revokedAt && invite.expiresAt.getTime() > Date.now();
  return { tenantName: invite.tenant.name, email: invite.email, role: invite.role, usable };
}
