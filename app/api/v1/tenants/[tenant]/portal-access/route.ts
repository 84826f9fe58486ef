// POST /api/v1/tenants/:tenant/portal-access – a single-use link that opens the tenant's dashboard (platform only)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform, authorizeTenant } from "@/lib/auth/authorize-tenant";
import { issuePortalAccess } from "@/lib/portal";
import { ZCreatePortalAccess } from "@/lib/schemas/portal";

export const POST = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  assertPlatform(principal);
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  const body = await parseJsonBody(request, ZCreatePortalAccess, { optional: true });
  const createdBy = principal.kind === "platform" ? principal.keyId : null;
  return NextResponse.json(await issuePortalAccess(tenantId, body, createdBy), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
