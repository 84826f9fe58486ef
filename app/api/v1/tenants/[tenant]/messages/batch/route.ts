// POST /api/v1/tenants/:tenant/messages/batch – publish up to 100 messages in one transaction
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { authorizeTenant } from "@/lib/auth/authorize-tenant";
import { env } from "@/lib/env";
import { publishMessages } from "@/lib/messages/publish-messages";
import { countingPublishes } from "@/lib/metrics/count-publishes";
import { MAX_BATCH, ZPublishBatch } from "@/lib/schemas/messages";

export const POST = withAuth<{ tenant: string }>(async ({ request, params, principal }) => {
  const { tenantId } = await authorizeTenant(principal, params.tenant, "write");
  const data = await countingPublishes(async () => {
    const body = ZPublishBatch.parse(
      await readJsonBody(request, MAX_BATCH * (env().HOOKLINE_MAX_PAYLOAD_BYTES + 1_024)),
    );
    return publishMessages(tenantId, body.messages);
  });
  return NextResponse.json({ data }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
