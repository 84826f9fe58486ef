// GET /api/v1/tenants/:tenant/endpoints – list the tenant's endpoints
// POST /api/v1/tenants/:tenant/endpoints – create an endpoint
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit";
import { createEndpoint, listEndpoints } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.listEndpoints, async ({ tenant, query }) => listEndpoints(tenant.tenantId, query));

export const POST = route(catalog.createEndpoint, async ({ principal, tenant, body }) => {
  const endpoint = await createEndpoint(tenant.tenantId, body);
  await recordAuditEvent(
    principal,
    tenant.tenantId,
    "endpoint.created",
    { type: "endpoint", id: endpoint.id },
    { url: endpoint.url },
  );
  return endpoint;
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
