// GET /api/v1/tenants/:tenant/invites – list invites (owners)
// POST /api/v1/tenants/:tenant/invites – invite someone by email (owners; the token is shown once)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { createInvite, listInvites } from "@/lib/invites";
import * as catalog from "@/lib/openapi/members";

export const GET = route(catalog.listInvites, async ({ tenant, query }) => listInvites(tenant.tenantId, query));

export const POST = route(catalog.createInvite, async ({ principal, tenant, body }) =>
  createInvite(tenant, body, principal.kind === "user" ? principal.userId : null),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
