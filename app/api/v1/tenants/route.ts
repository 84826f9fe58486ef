// GET /api/v1/tenants – list the tenants the caller can see
// POST /api/v1/tenants – create a tenant (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { ZCreateTenant, ZListTenantsQuery } from "@/lib/schemas/tenants";
import { createTenant, listTenants } from "@/lib/tenants";

export const GET = withAuth(async ({ request, principal }) =>
  NextResponse.json(await listTenants(principal, parseQuery(request, ZListTenantsQuery))),
);

export const POST = withAuth(async ({ request, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await createTenant(await parseJsonBody(request, ZCreateTenant)), { status: 201 });
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
