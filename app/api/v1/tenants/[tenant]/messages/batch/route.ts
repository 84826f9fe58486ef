// POST /api/v1/tenants/:tenant/messages/batch – publish up to 100 messages in one transaction
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { publishMessages } from "@/lib/messages/publish-messages";
import { countFailedPublish, countPublished } from "@/lib/metrics/count-publishes";
import * as catalog from "@/lib/openapi/messages";
import { traceContextOf } from "@/lib/tracing/trace-context";
import { tracePublish } from "@/lib/tracing/tracing";

export const POST = route(
  catalog.publishMessages,
  async ({ request, tenant, body }) => ({
    data: countPublished(
      await tracePublish(tenant.tenantId, traceContextOf(request.headers), (trace) =>
        publishMessages(tenant.tenantId, body.messages, { trace }),
      ),
    ),
  }),
  { onFailure: countFailedPublish },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
