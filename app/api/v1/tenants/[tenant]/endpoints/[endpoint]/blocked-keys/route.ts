// GET /api/v1/tenants/:tenant/endpoints/:endpoint/blocked-keys – a FIFO endpoint's blocked keys
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { listBlockedKeys } from "@/lib/endpoints/list-blocked-keys";
import * as catalog from "@/lib/openapi/routing";

export const GET = route(catalog.listBlockedKeys, async ({ tenant, params }) =>
  listBlockedKeys(tenant.tenantId, params.endpoint),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
