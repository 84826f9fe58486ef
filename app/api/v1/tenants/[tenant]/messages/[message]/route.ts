// GET /api/v1/tenants/:tenant/messages/:message – a message's payload and its delivery per endpoint
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getMessage } from "@/lib/messages";
import * as catalog from "@/lib/openapi/messages";

export const GET = route(catalog.getMessage, async ({ tenant, params }) => getMessage(tenant.tenantId, params.message));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
