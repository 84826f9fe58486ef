// GET /api/v1/tenants/:tenant/messages/:message/attempts – every delivery attempt with request and response detail
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { listAttempts } from "@/lib/messages";
import { ZListAttemptsQuery } from "@/lib/schemas/messages";

export const GET = withAuth<{ tenant: string; message: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await listAttempts(tenantId, params.message, parseQuery(request, ZListAttemptsQuery)));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
