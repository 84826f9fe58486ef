// POST /api/v1/tenants/:tenant/endpoints/:endpoint/recover – queue again every failed delivery since a time
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.recoverEndpoint, async ({ principal, tenant, params, body: { since, until } }) => {
  const result = await recoverFailedDeliveries(tenant.tenantId, params.endpoint, since, until);
  await recordAuditEvent(
    principal,
    tenant.tenantId,
    "endpoint.recovered",
    { type: "endpoint", id: params.endpoint },
    { since: since.toISOString(), until: until?.toISOString() ?? null, ...result },
  );
  return result;
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
