// POST /api/v1/tenants/:tenant/incidents/:incident/resolve – resolve an incident by hand
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { resolveIncident } from "@/lib/incidents";
import * as catalog from "@/lib/openapi/incidents";

export const POST = route(catalog.resolveIncident, async ({ principal, tenant, params }) =>
  resolveIncident(principal, tenant.tenantId, params.incident),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
