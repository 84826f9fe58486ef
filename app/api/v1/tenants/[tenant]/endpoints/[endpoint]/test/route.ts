// POST /api/v1/tenants/:tenant/endpoints/:endpoint/test – send an event type's example now and answer with the result
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { sendTestEvent } from "@/lib/deliveries/send-test-event";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.sendTestEvent, async ({ principal, tenant, params, body }) =>
  sendTestEvent(principal, tenant.tenantId, params.endpoint, body.eventType),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
