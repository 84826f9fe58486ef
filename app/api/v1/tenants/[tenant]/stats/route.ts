// GET /api/v1/tenants/:tenant/stats – the tenant's attempts, success rate, latency and messages over time, and its queue
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { ZTenantStatsQuery } from "@/lib/schemas/stats";
import { getTenantStats } from "@/lib/stats/get-tenant-stats";

export const GET = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await getTenantStats(tenantId, parseQuery(request, ZTenantStatsQuery)));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
