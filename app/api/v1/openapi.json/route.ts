// GET /api/v1/openapi.json – the OpenAPI 3.1 document, with `webhooks` from the live event-type catalog
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { buildOpenApiDocument } from "@/lib/openapi";
import * as catalog from "@/lib/openapi/docs";

export const dynamic = "force-dynamic";

export const GET = route(catalog.getOpenApiDocument, async () => buildOpenApiDocument());

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
