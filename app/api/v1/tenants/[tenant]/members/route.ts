// GET /api/v1/tenants/:tenant/members – list the tenant's members
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { assertNotPortal, authorizeTenant } from "@/lib/auth/authorize-tenant";
import { listMembers } from "@/lib/members";
import { ZListMembersQuery } from "@/lib/schemas/tenants";

export const GET = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  assertNotPortal(principal);
  return NextResponse.json(await listMembers(tenantId, parseQuery(request, ZListMembersQuery)));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
