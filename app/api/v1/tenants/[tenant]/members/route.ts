// GET /api/v1/tenants/:tenant/members – list the tenant's members (not to portal sessions)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listMembers } from "@/lib/members";
import * as catalog from "@/lib/openapi/members";

export const GET = route(catalog.listMembers, async ({ tenant, query }) => listMembers(tenant.tenantId, query));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
