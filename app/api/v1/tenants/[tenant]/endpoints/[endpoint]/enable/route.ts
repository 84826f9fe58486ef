// POST /api/v1/tenants/:tenant/endpoints/:endpoint/enable – enable an endpoint (fresh health record)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { enableEndpoint } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.enableEndpoint, async ({ principal, tenant, params }) =>
  enableEndpoint(principal, tenant.tenantId, params.endpoint),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
