// GET /api/v1/tenants/:tenant/incidents – incidents and health alerts of the tenant's endpoints
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listIncidents } from "@/lib/incidents";
import * as catalog from "@/lib/openapi/incidents";

export const GET = route(catalog.listIncidents, async ({ tenant, query }) => listIncidents(tenant.tenantId, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
