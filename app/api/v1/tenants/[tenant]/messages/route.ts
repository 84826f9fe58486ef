// POST /api/v1/tenants/:tenant/messages – publish a message (202; 200 with the original for a repeated idempotency key)
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { env } from "@/lib/env";
import { publishMessages } from "@/lib/messages/publish-messages";
import { ZIdempotencyKey, ZPublishMessage } from "@/lib/schemas/messages";

// A little room over the payload limit for the envelope fields around it.
const bodyLimit = () => env().HOOKLINE_MAX_PAYLOAD_BYTES + 4_096;

export const POST = withApiKey<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const body = ZPublishMessage.parse(await readJsonBody(request, bodyLimit()));
  const headerKey = request.headers.get("idempotency-key");
  const idempotencyKey = body.idempotencyKey ?? (headerKey === null ? undefined : ZIdempotencyKey.parse(headerKey));
  const [message] = await publishMessages(tenantId, [{ ...body, idempotencyKey }]);
  const { duplicate, ...view } = message!;
  return NextResponse.json(view, { status: duplicate ? 200 : 202 });
});
