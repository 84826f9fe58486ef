// GET /api/v1/tenants/:tenant/stats – the tenant's attempts, success rate, latency and messages over time, and its queue
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/tenants";
import { getTenantStats } from "@/lib/stats/get-tenant-stats";

export const GET = route(catalog.getTenantStats, async ({ tenant, query }) => getTenantStats(tenant.tenantId, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
