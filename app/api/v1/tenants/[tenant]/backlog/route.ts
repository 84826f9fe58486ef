// GET /api/v1/tenants/:tenant/backlog – every endpoint's queue now
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getTenantBacklog } from "@/lib/backlog";
import * as catalog from "@/lib/openapi/incidents";

export const GET = route(catalog.getTenantBacklog, async ({ tenant }) => getTenantBacklog(tenant.tenantId));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
