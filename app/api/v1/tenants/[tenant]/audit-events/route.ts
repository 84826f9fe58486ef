// GET /api/v1/tenants/:tenant/audit-events – who changed what in the tenant (platform only)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { listAuditEvents } from "@/lib/audit";
import { assertPlatform, authorizeTenant } from "@/lib/auth/authorize-tenant";
import { ZListAuditEventsQuery } from "@/lib/schemas/audit";

export const GET = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  assertPlatform(principal);
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await listAuditEvents(tenantId, parseQuery(request, ZListAuditEventsQuery)));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
