// POST /api/v1/tenants/:tenant/messages – publish a message (202; 200 with the original for a repeated idempotency key)
// GET /api/v1/tenants/:tenant/messages – list messages (filters: eventType, status, endpointId, from, to)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listMessages } from "@/lib/messages/list-messages";
import { publishMessages } from "@/lib/messages/publish-messages";
import { countFailedPublish, countPublished } from "@/lib/metrics/count-publishes";
import * as catalog from "@/lib/openapi/messages";
import { ZIdempotencyKey } from "@/lib/schemas/messages";
import { traceContextOf } from "@/lib/tracing/trace-context";
import { tracePublish } from "@/lib/tracing/tracing";

export const POST = route(
  catalog.publishMessage,
  async ({ request, tenant, body }) => {
    const headerKey = request.headers.get("idempotency-key");
    const idempotencyKey = body.idempotencyKey ?? (headerKey === null ? undefined : ZIdempotencyKey.parse(headerKey));
    const published = await tracePublish(tenant.tenantId, traceContextOf(request.headers), (trace) =>
      publishMessages(tenant.tenantId, [{ ...body, idempotencyKey }], { trace }),
    );
    const [message] = countPublished(published);
    const { duplicate, ...view } = message!;
    return NextResponse.json(view, { status: duplicate ? 200 : 202 });
  },
  { onFailure: countFailedPublish },
);

export const GET = route(catalog.listMessages, async ({ tenant, query }) => listMessages(tenant.tenantId, query));

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
