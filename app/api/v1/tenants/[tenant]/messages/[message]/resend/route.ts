// POST /api/v1/tenants/:tenant/messages/:message/resend – try the message again now, to one endpoint or all
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { resendMessage } from "@/lib/deliveries/resend-message";
import * as catalog from "@/lib/openapi/messages";

export const POST = route(catalog.resendMessage, async ({ principal, tenant, params, body }) => ({
  data: await resendMessage(principal, tenant.tenantId, params.message, body.endpointId),
}));

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
