// GET /api/v1/tenants/:tenant/endpoints/:endpoint – get an endpoint
// PATCH /api/v1/tenants/:tenant/endpoints/:endpoint – update an endpoint
// DELETE /api/v1/tenants/:tenant/endpoints/:endpoint – delete an endpoint with its deliveries
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/lib/endpoints";
import { ZUpdateEndpoint } from "@/lib/schemas/endpoints";

type Params = { tenant: string; endpoint: string };

export const GET = withAuth<Params>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await getEndpoint(tenantId, params.endpoint));
});

export const PATCH = withAuth<Params>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const patch = await parseJsonBody(request, ZUpdateEndpoint);
  const endpoint = await updateEndpoint(tenantId, params.endpoint, patch);
  await recordAuditEvent(
    principal,
    tenantId,
    "endpoint.updated",
    { type: "endpoint", id: endpoint.id },
    { fields: Object.keys(patch).sort() },
  );
  return NextResponse.json(endpoint);
});

export const DELETE = withAuth<Params>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  await deleteEndpoint(tenantId, params.endpoint);
  await recordAuditEvent(principal, tenantId, "endpoint.deleted", { type: "endpoint", id: params.endpoint });
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = methodNotAllowed("GET", "PATCH", "DELETE");
