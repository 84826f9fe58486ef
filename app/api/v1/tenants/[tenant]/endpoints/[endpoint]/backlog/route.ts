// GET /api/v1/tenants/:tenant/endpoints/:endpoint/backlog – an endpoint's queue now and over a range
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getEndpointBacklog } from "@/lib/backlog";
import * as catalog from "@/lib/openapi/incidents";

export const GET = route(catalog.getEndpointBacklog, async ({ tenant, params, query }) =>
  getEndpointBacklog(tenant.tenantId, params.endpoint, query),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
