// GET /api/v1/tenants/:tenant/endpoints – list the tenant's endpoints
// POST /api/v1/tenants/:tenant/endpoints – create an endpoint
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { createEndpoint, listEndpoints } from "@/lib/endpoints";
import { ZCreateEndpoint, ZListEndpointsQuery } from "@/lib/schemas/endpoints";

type Params = { tenant: string };

export const GET = withAuth<Params>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await listEndpoints(tenantId, parseQuery(request, ZListEndpointsQuery)));
});

export const POST = withAuth<Params>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const endpoint = await createEndpoint(tenantId, await parseJsonBody(request, ZCreateEndpoint));
  await recordAuditEvent(
    principal,
    tenantId,
    "endpoint.created",
    { type: "endpoint", id: endpoint.id },
    { url: endpoint.url },
  );
  return NextResponse.json(endpoint, { status: 201 });
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
