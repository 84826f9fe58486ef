// GET /api/v1/tenants/:tenant/invites – list invites (owners)
// POST /api/v1/tenants/:tenant/invites – invite someone by email (owners; the token is shown once)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { createInvite, listInvites } from "@/lib/invites";
import { ZCreateInvite, ZListInvitesQuery } from "@/lib/schemas/tenants";

type Params = { tenant: string };

export const GET = withAuth<Params>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "manage");
  return NextResponse.json(await listInvites(tenantId, parseQuery(request, ZListInvitesQuery)));
});

export const POST = withAuth<Params>(async ({ request, params, principal }) => {
  const access = await authorizeTenant(principal, params.tenant, "manage");
  const createdBy = principal.kind === "user" ? principal.userId : null;
  return NextResponse.json(await createInvite(access, await parseJsonBody(request, ZCreateInvite), createdBy), {
    status: 201,
  });
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
