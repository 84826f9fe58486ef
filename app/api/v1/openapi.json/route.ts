// GET /api/v1/openapi.json – the OpenAPI 3.1 document, with `webhooks` from the live event-type catalog
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiErrors } from "@/lib/api/with-auth";
import { buildOpenApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(async () =>
  NextResponse.json(await buildOpenApiDocument(), { headers: { "cache-control": "no-cache" } }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
