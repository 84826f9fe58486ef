// POST /api/v1/tenants/:tenant/test-filter – a payload filter against examples and the latest messages
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { testEndpointFilter } from "@/lib/endpoints/test-endpoint-filter";
import * as catalog from "@/lib/openapi/routing";

export const POST = route(catalog.testEndpointFilter, async ({ tenant, body }) =>
  testEndpointFilter(tenant.tenantId, body),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
