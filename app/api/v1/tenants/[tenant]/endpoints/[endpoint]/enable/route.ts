// POST /api/v1/tenants/:tenant/endpoints/:endpoint/enable – enable an endpoint (fresh health record)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { enableEndpoint } from "@/lib/endpoints";

export const POST = withAuth<{ tenant: string; endpoint: string }>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const endpoint = await enableEndpoint(tenantId, params.endpoint);
  await recordAuditEvent(principal, tenantId, "endpoint.enabled", { type: "endpoint", id: endpoint.id });
  return NextResponse.json(endpoint);
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
