// GET /api/v1/tenants/:tenant/endpoints/:endpoint – get an endpoint
// PATCH /api/v1/tenants/:tenant/endpoints/:endpoint – update an endpoint
// DELETE /api/v1/tenants/:tenant/endpoints/:endpoint – delete an endpoint with its deliveries
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/lib/endpoints";
import * as catalog from "@/lib/openapi/endpoints";

export const GET = route(catalog.getEndpoint, async ({ tenant, params }) =>
  getEndpoint(tenant.tenantId, params.endpoint),
);

export const PATCH = route(catalog.updateEndpoint, async ({ principal, tenant, params, body }) =>
  updateEndpoint(principal, tenant.tenantId, params.endpoint, body),
);

export const DELETE = route(catalog.deleteEndpoint, async ({ principal, tenant, params }) =>
  deleteEndpoint(principal, tenant.tenantId, params.endpoint),
);

export const { POST, PUT } = methodNotAllowed("GET", "PATCH", "DELETE");
