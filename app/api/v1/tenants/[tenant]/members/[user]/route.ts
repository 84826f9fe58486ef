// PATCH /api/v1/tenants/:tenant/members/:user – change a member's role (owners)
// DELETE /api/v1/tenants/:tenant/members/:user – remove a member (owners; never the last owner)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { removeMember, updateMember } from "@/lib/members";
import { ZUpdateMember } from "@/lib/schemas/tenants";

type Params = { tenant: string; user: string };

export const PATCH = withAuth<Params>(async ({ request, params, principal }) => {
  const access = await authorizeTenant(principal, params.tenant, "manage");
  return NextResponse.json(await updateMember(access, params.user, await parseJsonBody(request, ZUpdateMember)));
});

export const DELETE = withAuth<Params>(async ({ params, principal }) => {
  await removeMember(await authorizeTenant(principal, params.tenant, "manage"), params.user);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = methodNotAllowed("PATCH", "DELETE");
