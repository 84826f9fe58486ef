// POST /api/v1/tenants/:tenant/endpoints/:endpoint/disable – disable an endpoint; its queued deliveries fail
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { disableEndpoint } from "@/lib/endpoints";
import { ZDisableEndpoint } from "@/lib/schemas/endpoints";

export const POST = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const { reason } = await parseJsonBody(request, ZDisableEndpoint, { optional: true });
  const endpoint = await disableEndpoint(tenantId, params.endpoint, reason);
  await recordAuditEvent(
    principal,
    tenantId,
    "endpoint.disabled",
    { type: "endpoint", id: endpoint.id },
    reason ? { reason } : undefined,
  );
  return NextResponse.json(endpoint);
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
