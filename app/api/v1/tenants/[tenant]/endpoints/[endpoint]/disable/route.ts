// POST /api/v1/tenants/:tenant/endpoints/:endpoint/disable – disable an endpoint; its queued deliveries fail
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit";
import { disableEndpoint } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.disableEndpoint, async ({ principal, tenant, params, body: { reason } }) => {
  const endpoint = await disableEndpoint(tenant.tenantId, params.endpoint, reason);
  await recordAuditEvent(
    principal,
    tenant.tenantId,
    "endpoint.disabled",
    { type: "endpoint", id: endpoint.id },
    reason ? { reason } : undefined,
  );
  return endpoint;
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
