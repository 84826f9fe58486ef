// POST /api/v1/tenants/:tenant/endpoints/:endpoint/recover – queue again every failed delivery since a time
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.recoverEndpoint, async ({ principal, tenant, params, body }) =>
  recoverFailedDeliveries(principal, tenant.tenantId, params.endpoint, body.since, body.until),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
