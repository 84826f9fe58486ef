// GET /api/v1/tenants/:tenant – get a tenant
// PATCH /api/v1/tenants/:tenant – rename it (owners); retention and rate limit (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { ZUpdateTenant } from "@/lib/schemas/tenants";
import { getTenant, updateTenant } from "@/lib/tenants";

type Params = { tenant: string };

export const GET = withAuth<Params>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await getTenant(tenantId));
});

export const PATCH = withAuth<Params>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "manage");
  return NextResponse.json(await updateTenant(principal, tenantId, await parseJsonBody(request, ZUpdateTenant)));
});

export const { POST, PUT, DELETE } = methodNotAllowed("GET", "PATCH");
