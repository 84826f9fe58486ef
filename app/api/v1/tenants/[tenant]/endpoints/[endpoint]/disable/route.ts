// POST /api/v1/tenants/:tenant/endpoints/:endpoint/disable – disable an endpoint; its queued deliveries fail
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { disableEndpoint } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.disableEndpoint, async ({ principal, tenant, params, body }) =>
  disableEndpoint(principal, tenant.tenantId, params.endpoint, body.reason),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
