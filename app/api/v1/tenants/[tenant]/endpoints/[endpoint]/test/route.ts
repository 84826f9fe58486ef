// POST /api/v1/tenants/:tenant/endpoints/:endpoint/test – send an event type's example now and answer with the result
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { recordAuditEvent } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { sendTestEvent } from "@/lib/deliveries/send-test-event";
import { ZSendTestEvent } from "@/lib/schemas/endpoints";

export const POST = withAuth<{ tenant: string; endpoint: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const { eventType } = await parseJsonBody(request, ZSendTestEvent);
  const result = await sendTestEvent(tenantId, params.endpoint, eventType);
  await recordAuditEvent(
    principal,
    tenantId,
    "endpoint.test_sent",
    { type: "endpoint", id: params.endpoint },
    { eventType },
  );
  return NextResponse.json(result);
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
