// POST /api/v1/tenants/:tenant/messages/:message/resend – try the message again now, to one endpoint or all
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { resendMessage } from "@/lib/deliveries/resend-message";
import { ZResendMessage } from "@/lib/schemas/messages";

export const POST = withAuth<{ tenant: string; message: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const { endpointId } = await parseJsonBody(request, ZResendMessage, { optional: true });
  const data = await resendMessage(tenantId, params.message, endpointId);
  await recordAuditEvent(
    principal,
    tenantId,
    "message.resent",
    { type: "message", id: params.message },
    { endpointIds: data.map((result) => result.endpointId) },
  );
  return NextResponse.json({ data });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
