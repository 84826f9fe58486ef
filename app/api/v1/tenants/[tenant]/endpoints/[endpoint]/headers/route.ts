// GET /api/v1/tenants/:tenant/endpoints/:endpoint/headers – read the custom headers (admins and owners)
// PUT /api/v1/tenants/:tenant/endpoints/:endpoint/headers – replace the custom headers
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { getEndpointHeaders, replaceEndpointHeaders } from "@/lib/endpoints";
import { ZReplaceEndpointHeaders } from "@/lib/schemas/endpoints";

type Params = { tenant: string; endpoint: string };

export const GET = withAuth<Params>(async ({ params, principal }) => {
  // Header values are often credentials: the same role as the secret.
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  return NextResponse.json(await getEndpointHeaders(tenantId, params.endpoint), {
    headers: { "cache-control": "no-store" },
  });
});

export const PUT = withAuth<Params>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const { headers } = await parseJsonBody(request, ZReplaceEndpointHeaders);
  const replaced = await replaceEndpointHeaders(tenantId, params.endpoint, headers);
  // Header names only: values are often credentials.
  await recordAuditEvent(
    principal,
    tenantId,
    "endpoint.headers_replaced",
    { type: "endpoint", id: params.endpoint },
    { names: Object.keys(headers).sort() },
  );
  return NextResponse.json(replaced);
});

export const { POST, PATCH, DELETE } = methodNotAllowed("GET", "PUT");
