// GET /api/v1/tenants/:tenant/endpoints/:endpoint/stats – success rate, counts and p50/p95/p99 latency over time
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getEndpointStatsFor } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.getEndpointStats, async ({ tenant, params, query }) =>
  getEndpointStatsFor(tenant.tenantId, params.endpoint, query),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
