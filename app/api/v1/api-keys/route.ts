// GET /api/v1/api-keys – list API keys (one tenant's, or every key for operators)
// POST /api/v1/api-keys – create an API key (shown once)
import { NextResponse } from "next/server";
import { createApiKey, listApiKeys } from "@/lib/api-keys";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { ZCreateApiKey, ZListApiKeysQuery } from "@/lib/schemas/api-keys";

export const GET = withAuth(async ({ request, principal }) =>
  NextResponse.json(await listApiKeys(principal, parseQuery(request, ZListApiKeysQuery))),
);

export const POST = withAuth(async ({ request, principal }) =>
  NextResponse.json(await createApiKey(principal, await parseJsonBody(request, ZCreateApiKey)), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
