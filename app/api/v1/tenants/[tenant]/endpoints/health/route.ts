// GET /api/v1/tenants/:tenant/endpoints/health – success rate and p95 of the last 24 hours and the latest attempt, per endpoint
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listEndpointHealth } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.listEndpointHealth, async ({ tenant, query }) =>
  listEndpointHealth(tenant.tenantId, query),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
