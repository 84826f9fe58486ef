// GET /api/v1/api-keys/:key – get an API key's metadata
// DELETE /api/v1/api-keys/:key – revoke an API key
import { getApiKey, revokeApiKey } from "@/lib/api-keys";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/api-keys";

// The key's tenant is the one acted in: lib/api-keys authorizes.
export const GET = route(catalog.getApiKey, async ({ principal, params }) => getApiKey(principal, params.key));

export const DELETE = route(catalog.revokeApiKey, async ({ principal, params }) => revokeApiKey(principal, params.key));

export const { POST, PUT, PATCH } = methodNotAllowed("GET", "DELETE");
