// POST /api/v1/tenants/:tenant/messages/:message/resend – try the message again now, to one endpoint or all
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit";
import { resendMessage } from "@/lib/deliveries/resend-message";
import * as catalog from "@/lib/openapi/messages";

export const POST = route(catalog.resendMessage, async ({ principal, tenant, params, body }) => {
  const data = await resendMessage(tenant.tenantId, params.message, body.endpointId);
  await recordAuditEvent(
    principal,
    tenant.tenantId,
    "message.resent",
    { type: "message", id: params.message },
    { endpointIds: data.map((result) => result.endpointId) },
  );
  return { data };
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
