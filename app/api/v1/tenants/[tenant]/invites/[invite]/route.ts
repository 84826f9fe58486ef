// DELETE /api/v1/tenants/:tenant/invites/:invite – revoke an invite (owners)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { revokeInvite } from "@/lib/invites";
import * as catalog from "@/lib/openapi/members";

export const DELETE = route(catalog.revokeInvite, async ({ tenant, params }) =>
  revokeInvite(tenant.tenantId, params.invite),
);

export const { GET, POST, PUT, PATCH } = methodNotAllowed("DELETE");
