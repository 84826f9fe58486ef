// POST /api/v1/tenants/:tenant/endpoints/:endpoint/recover – queue again every failed delivery since a time
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { ZRecoverEndpoint } from "@/lib/schemas/endpoints";

export const POST = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const { since, until } = await parseJsonBody(request, ZRecoverEndpoint);
  const result = await recoverFailedDeliveries(tenantId, params.endpoint, since, until);
  await recordAuditEvent(
    principal,
    tenantId,
    "endpoint.recovered",
    { type: "endpoint", id: params.endpoint },
    { since: since.toISOString(), until: until?.toISOString() ?? null, ...result },
  );
  return NextResponse.json(result);
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
