// GET /api/v1/tenants/:tenant/messages/:message – a message's payload and its delivery per endpoint
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/api/with-api-key";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { getMessage } from "@/lib/messages";

export const GET = withApiKey<{ tenant: string; message: string }>(async ({ params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await getMessage(tenantId, params.message));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
