// GET /api/v1/api-keys – list API keys (one tenant's, or every key for operators)
// POST /api/v1/api-keys – create an API key (shown once)
import { createApiKey, listApiKeys } from "@/lib/api-keys";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/api-keys";

// The tenant is named in the request (tenantId) or is the calling key's: lib/api-keys authorizes.
export const GET = route(catalog.listApiKeys, async ({ principal, query }) => listApiKeys(principal, query));

export const POST = route(catalog.createApiKey, async ({ principal, body }) => createApiKey(principal, body));

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
