// GET /api/v1/tenants/:tenant – get a tenant
// PATCH /api/v1/tenants/:tenant – rename it (owners); retention and rate limit (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/tenants";
import { getTenant, updateTenant } from "@/lib/tenants";

export const GET = route(catalog.getTenant, async ({ tenant }) => getTenant(tenant.tenantId));

export const PATCH = route(catalog.updateTenant, async ({ principal, tenant, body }) =>
  updateTenant(principal, tenant.tenantId, body),
);

export const { POST, PUT, DELETE } = methodNotAllowed("GET", "PATCH");
