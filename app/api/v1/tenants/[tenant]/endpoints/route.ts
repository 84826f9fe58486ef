// GET /api/v1/tenants/:tenant/endpoints – list the tenant's endpoints
// POST /api/v1/tenants/:tenant/endpoints – create an endpoint
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { createEndpoint, listEndpoints } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.listEndpoints, async ({ tenant, query }) => listEndpoints(tenant.tenantId, query));

export const POST = route(catalog.createEndpoint, async ({ principal, tenant, body }) =>
  createEndpoint(principal, tenant.tenantId, body),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
