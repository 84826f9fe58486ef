// POST /api/v1/tenants/:tenant/endpoints/:endpoint/secret/rotate – new signing secret; the old one keeps signing during the overlap
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { rotateEndpointSecret } from "@/lib/endpoints";
import { ZRotateEndpointSecret } from "@/lib/schemas/endpoints";

export const POST = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const body = await parseJsonBody(request, ZRotateEndpointSecret, { optional: true });
  const secret = await rotateEndpointSecret(tenantId, params.endpoint, body);
  await recordAuditEvent(principal, tenantId, "endpoint.secret_rotated", { type: "endpoint", id: params.endpoint });
  return NextResponse.json(secret, { headers: { "cache-control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
