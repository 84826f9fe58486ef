// GET /api/v1/tenants/:tenant/audit-events – who changed what in the tenant (platform only)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/audit";
import * as catalog from "@/lib/openapi/portal";

export const GET = route(catalog.listAuditEvents, async ({ tenant, query }) => listAuditEvents(tenant.tenantId, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
