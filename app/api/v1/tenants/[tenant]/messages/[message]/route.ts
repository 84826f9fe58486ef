// GET /api/v1/tenants/:tenant/messages/:message – a message's payload and its delivery per endpoint
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { getMessage } from "@/lib/messages";

export const GET = withAuth<{ tenant: string; message: string }>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await getMessage(tenantId, params.message));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
