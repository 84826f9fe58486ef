// POST /api/v1/tenants/:tenant/endpoints/:endpoint/disable – disable an endpoint; its queued deliveries fail
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { disableEndpoint } from "@/lib/endpoints";
import { ZDisableEndpoint } from "@/lib/schemas/endpoints";

export const POST = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const { reason } = await parseJsonBody(request, ZDisableEndpoint, { optional: true });
  return NextResponse.json(await disableEndpoint(tenantId, params.endpoint, reason));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
