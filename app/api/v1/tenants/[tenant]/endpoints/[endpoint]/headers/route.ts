// GET /api/v1/tenants/:tenant/endpoints/:endpoint/headers – read the custom headers (admins and owners)
// PUT /api/v1/tenants/:tenant/endpoints/:endpoint/headers – replace the custom headers
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getEndpointHeaders, replaceEndpointHeaders } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.getEndpointHeaders, async ({ tenant, params }) =>
  getEndpointHeaders(tenant.tenantId, params.endpoint),
);

export const PUT = route(catalog.replaceEndpointHeaders, async ({ principal, tenant, params, body }) =>
  replaceEndpointHeaders(principal, tenant.tenantId, params.endpoint, body.headers),
);

export const { POST, PATCH, DELETE } = methodNotAllowed("GET", "PUT");
