// GET /api/v1/system/tenants – every tenant with its usage: endpoints, messages in 24 h, members (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { ZListTenantsQuery } from "@/lib/schemas/tenants";
import { listTenantUsage } from "@/lib/system";

export const GET = withAuth(async ({ request, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await listTenantUsage(principal, parseQuery(request, ZListTenantsQuery)));
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
