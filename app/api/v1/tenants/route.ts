// GET /api/v1/tenants – list the tenants the caller can see
// POST /api/v1/tenants – create a tenant (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/tenants";
import { createTenant, listTenants } from "@/lib/tenants";

export const GET = route(catalog.listTenants, async ({ principal, query }) => listTenants(principal, query));

export const POST = route(catalog.createTenant, async ({ body }) => createTenant(body));

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
