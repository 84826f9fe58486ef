// DELETE /api/v1/tenants/:tenant/invites/:invite – revoke an invite (owners)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { revokeInvite } from "@/lib/invites";

export const DELETE = withAuth<{ tenant: string; invite: string }>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "manage");
  await revokeInvite(tenantId, params.invite);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = methodNotAllowed("DELETE");
