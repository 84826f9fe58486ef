// Changing or removing a member. A tenant always keeps at least one owner: the check and the
// change happen in one transaction that locks the tenant's owner rows, so two owners demoting
// each other at the same moment cannot leave the tenant without one.
import "server-only";
import { assertMayGrant, type TenantAccess } from "@/lib/auth/authorize-tenant";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZUpdateMember, type TUpdateMember } from "@/lib/schemas/tenants";
import { toMemberView, type MemberView } from "./member-view";

/** Locks the member's row and every owner row; says whether the member is the only owner. */
async function lockMember(
  tx: Prisma.TransactionClient,
  tenantId: string,
  userId: string,
): Promise<{ lastOwner: boolean }> {
  const rows = await tx.$queryRaw<Array<{ user_id: string; role: Role }>>`
    SELECT user_id, role::text AS role FROM memberships
     WHERE tenant_id = ${tenantId} AND (role = 'owner' OR user_id = ${userId})
     ORDER BY user_id FOR UPDATE`;
  const member = rows.find((row) => row.user_id === userId);
  if (!member) throw notFound("Member");
  const owners = rows.filter((row) => row.role === "owner").length;
  return { lastOwner: member.role === "owner" && owners === 1 };
}

function assertKeepsAnOwner(member: { lastOwner: boolean }, newRole: Role | null): void {
  if (member.lastOwner && newRole !== "owner") {
    throw new AppError("last_owner", "A tenant needs at least one owner; make someone else owner first.");
  }
}

export async function updateMember(access: TenantAccess, userId: string, input: TUpdateMember): Promise<MemberView> {
  const { role } = ZUpdateMember.parse(input);
  assertMayGrant(access, role);
  return db().$transaction(async (tx) => {
    assertKeepsAnOwner(await lockMember(tx, access.tenantId, userId), role);
    const membership = await tx.membership.update({
      where: { tenantId_userId: { tenantId: access.tenantId, userId } },
      data: { role },
      include: { user: { select: { email: true, name: true } } },
    });
    return toMemberView(membership);
  });
}

export async function removeMember(access: TenantAccess, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    assertKeepsAnOwner(await lockMember(tx, access.tenantId, userId), null);
    await tx.membership.delete({ where: { tenantId_userId: { tenantId: access.tenantId, userId } } });
  });
}
