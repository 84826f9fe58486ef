import type { z } from "zod";
import type { Invite } from "@/lib/generated/prisma/client";
import type { ZInviteView } from "@/lib/schemas/tenants";

export type InviteView = z.infer<typeof ZInviteView>;

function statusOf(invite: Invite, now: number): InviteView["status"] {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt.getTime() <= now ? "expired" : "pending";
}

export function toInviteView(invite: Invite, now = Date.now()): InviteView {
  return {
    id: invite.id,
    tenantId: invite.tenantId,
    email: invite.email,
    role: invite.role,
    status: statusOf(invite, now),
    expiresAt: invite.expiresAt.toISOString(),
    acceptedAt: invite.acceptedAt?.toISOString() ?? null,
    createdAt: invite.createdAt.toISOString(),
  };
}
