// POST /api/v1/tenants/:tenant/endpoints/:endpoint/test – send an event type's example now and answer with the result
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit";
import { sendTestEvent } from "@/lib/deliveries/send-test-event";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.sendTestEvent, async ({ principal, tenant, params, body: { eventType } }) => {
  const result = await sendTestEvent(tenant.tenantId, params.endpoint, eventType);
  await recordAuditEvent(
    principal,
    tenant.tenantId,
    "endpoint.test_sent",
    { type: "endpoint", id: params.endpoint },
    { eventType },
  );
  return result;
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
