// POST /api/v1/tenants/:tenant/endpoints/:endpoint/enable – enable an endpoint (fresh health record)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit";
import { enableEndpoint } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.enableEndpoint, async ({ principal, tenant, params }) => {
  const endpoint = await enableEndpoint(tenant.tenantId, params.endpoint);
  await recordAuditEvent(principal, tenant.tenantId, "endpoint.enabled", { type: "endpoint", id: endpoint.id });
  return endpoint;
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
