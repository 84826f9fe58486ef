// GET /api/v1/operations/endpoint – the operator's operations endpoint (operational webhooks)
// PUT /api/v1/operations/endpoint – create it or change its URL
// DELETE /api/v1/operations/endpoint – stop sending operational webhooks to the operator
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/operations-endpoint";
import {
  getOperationsEndpoint,
  removeOperationsEndpoint,
  setOperationsEndpoint,
} from "@/lib/operational-webhooks/operations-endpoint";

export const GET = route(catalog.getOperationsEndpoint, async () => getOperationsEndpoint());

export const PUT = route(catalog.setOperationsEndpoint, async ({ body }) => setOperationsEndpoint(body));

export const DELETE = route(catalog.removeOperationsEndpoint, async () => removeOperationsEndpoint());

export const { POST, PATCH } = methodNotAllowed("GET", "PUT", "DELETE");
