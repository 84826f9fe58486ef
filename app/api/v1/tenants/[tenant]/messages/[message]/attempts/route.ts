// GET /api/v1/tenants/:tenant/messages/:message/attempts – every delivery attempt with request and response detail
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listAttempts } from "@/lib/messages";
import * as catalog from "@/lib/openapi/messages";

export const GET = route(catalog.listAttempts, async ({ tenant, params, query }) =>
  listAttempts(tenant.tenantId, params.message, query),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
