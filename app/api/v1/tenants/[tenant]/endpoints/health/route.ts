// GET /api/v1/tenants/:tenant/endpoints/health – success rate and p95 of the last 24 hours and the latest attempt, per endpoint
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { listEndpointHealth } from "@/lib/endpoints";
import { ZEndpointHealthQuery } from "@/lib/schemas/endpoints";

export const GET = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await listEndpointHealth(tenantId, parseQuery(request, ZEndpointHealthQuery)));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
