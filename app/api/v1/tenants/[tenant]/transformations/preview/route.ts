// POST /api/v1/tenants/:tenant/transformations/preview – run a transformation on a sample message
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/endpoints";
import { previewTransformation } from "@/lib/transformations/preview-transformation";

export const POST = route(catalog.previewTransformation, async ({ tenant, body }) =>
  previewTransformation(tenant.tenantId, body),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
