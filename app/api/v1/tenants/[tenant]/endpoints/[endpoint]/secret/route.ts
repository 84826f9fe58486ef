// GET /api/v1/tenants/:tenant/endpoints/:endpoint/secret – reveal the signing secret (admins and owners)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { getEndpointSecret } from "@/lib/endpoints";

export const GET = withAuth<{ tenant: string; endpoint: string }>(async ({ params, principal }) => {
  // "write", not "read": whoever holds the secret can forge webhooks to the receiver.
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  return NextResponse.json(await getEndpointSecret(tenantId, params.endpoint), {
    headers: { "cache-control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
