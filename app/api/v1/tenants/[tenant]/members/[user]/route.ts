// PATCH /api/v1/tenants/:tenant/members/:user – change a member's role (owners)
// DELETE /api/v1/tenants/:tenant/members/:user – remove a member (owners; never the last owner)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { removeMember, updateMember } from "@/lib/members";
import * as catalog from "@/lib/openapi/members";

export const PATCH = route(catalog.updateMember, async ({ tenant, params, body }) =>
  updateMember(tenant, params.user, body),
);

export const DELETE = route(catalog.removeMember, async ({ tenant, params }) => removeMember(tenant, params.user));

export const { GET, POST, PUT } = methodNotAllowed("PATCH", "DELETE");
