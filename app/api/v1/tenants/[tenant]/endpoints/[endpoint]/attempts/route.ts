// GET /api/v1/tenants/:tenant/endpoints/:endpoint/attempts – the endpoint's attempts, newest first
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { listEndpointAttempts } from "@/lib/endpoints";
import { ZListEndpointAttemptsQuery } from "@/lib/schemas/endpoints";

export const GET = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(
    await listEndpointAttempts(tenantId, params.endpoint, parseQuery(request, ZListEndpointAttemptsQuery)),
  );
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
