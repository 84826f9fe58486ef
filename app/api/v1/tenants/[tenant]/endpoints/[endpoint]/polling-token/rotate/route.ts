// POST /api/v1/tenants/:tenant/endpoints/:endpoint/polling-token/rotate – a new polling token, shown once
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/polling";
import { rotatePollingToken } from "@/lib/polling";

export const POST = route(catalog.rotatePollingToken, async ({ principal, tenant, params }) =>
  rotatePollingToken(principal, tenant.tenantId, params.endpoint),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
