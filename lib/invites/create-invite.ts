import "server-only";
import type { z } from "zod";
import { assertMayGrant, type TenantAccess } from "@/lib/auth/authorize-tenant";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ZCreateInvite, type TCreateInvite, type ZCreatedInvite } from "@/lib/schemas/tenants";
import { generateInviteToken, INVITE_TTL_MS } from "./invite-token";
import { toInviteView } from "./invite-view";

/** An invite to the caller's tenant; the answer holds the token, which is never shown again. */
export async function createInvite(
  access: TenantAccess,
  input: TCreateInvite,
  createdBy: string | null = null,
): Promise<z.infer<typeof ZCreatedInvite>> {
  const data = ZCreateInvite.parse(input);
  assertMayGrant(access, data.role);
  const member = await db().membership.findFirst({
    where: { tenantId: access.tenantId, user: { email: data.email } },
    select: { userId: true },
  });
  if (member) throw new AppError("conflict", `${data.email} is already a member of this tenant.`);
  const { token, hash } = generateInviteToken();
  const invite = await db().invite.create({
    data: {
      id: newId("invite"),
      tenantId: access.tenantId,
      email: data.email,
      role: data.role,
      tokenHash: hash,
      createdBy,
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    },
  });
  return { ...toInviteView(invite), token, url: `${env().HOOKLINE_PUBLIC_URL}/invite/${token}` };
}
