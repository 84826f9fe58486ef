// POST /api/v1/tenants/:tenant/messages – publish a message (202; 200 with the original for a repeated idempotency key)
// GET /api/v1/tenants/:tenant/messages – list messages (filters: eventType, status, endpointId, from, to)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { env } from "@/lib/env";
import { listMessages } from "@/lib/messages/list-messages";
import { countingPublishes } from "@/lib/metrics/count-publishes";
import { publishMessages } from "@/lib/messages/publish-messages";
import { ZIdempotencyKey, ZListMessagesQuery, ZPublishMessage } from "@/lib/schemas/messages";

// A little room over the payload limit for the envelope fields around it.
const bodyLimit = () => env().HOOKLINE_MAX_PAYLOAD_BYTES + 4_096;

export const POST = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const [message] = await countingPublishes(async () => {
    const body = ZPublishMessage.parse(await readJsonBody(request, bodyLimit()));
    const headerKey = request.headers.get("idempotency-key");
    const idempotencyKey = body.idempotencyKey ?? (headerKey === null ? undefined : ZIdempotencyKey.parse(headerKey));
    return publishMessages(tenantId, [{ ...body, idempotencyKey }]);
  });
  const { duplicate, ...view } = message!;
  return NextResponse.json(view, { status: duplicate ? 200 : 202 });
});

export const GET = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "read");
  return NextResponse.json(await listMessages(tenantId, parseQuery(request, ZListMessagesQuery)));
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
