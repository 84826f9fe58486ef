// POST /api/v1/tenants/:tenant/endpoints/:endpoint/secret/rotate – new signing secret; the old one keeps signing during the overlap
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { rotateEndpointSecret } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const POST = route(catalog.rotateEndpointSecret, async ({ principal, tenant, params, body }) =>
  rotateEndpointSecret(principal, tenant.tenantId, params.endpoint, body),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
