// GET /api/v1/tenants/:tenant/endpoints/:endpoint/stats – success rate, counts and p50/p95/p99 latency over time
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { getEndpointStatsFor } from "@/lib/endpoints";
import { ZEndpointStatsQuery } from "@/lib/schemas/endpoints";

export const GET = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(
    await getEndpointStatsFor(tenantId, params.endpoint, parseQuery(request, ZEndpointStatsQuery)),
  );
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
