// GET /api/v1/tenants/:tenant/endpoints/:endpoint/secret – reveal the signing secret (admins and owners)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getEndpointSecret } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.getEndpointSecret, async ({ tenant, params }) =>
  getEndpointSecret(tenant.tenantId, params.endpoint),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
