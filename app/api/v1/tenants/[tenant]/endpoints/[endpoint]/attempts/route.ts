// GET /api/v1/tenants/:tenant/endpoints/:endpoint/attempts – the endpoint's attempts, newest first
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listEndpointAttempts } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.listEndpointAttempts, async ({ tenant, params, query }) =>
  listEndpointAttempts(tenant.tenantId, params.endpoint, query),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
