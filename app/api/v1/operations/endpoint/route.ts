// GET /api/v1/operations/endpoint – the operator's operations endpoint (operational webhooks)
// PUT /api/v1/operations/endpoint – create it or change its URL
// DELETE /api/v1/operations/endpoint – stop sending operational webhooks to the operator
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import {
  getOperationsEndpoint,
  removeOperationsEndpoint,
  setOperationsEndpoint,
} from "@/lib/operations/operations-endpoint";
import { ZSetOperationsEndpoint } from "@/lib/schemas/operations";

export const GET = withAuth(async ({ principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await getOperationsEndpoint());
});

export const PUT = withAuth(async ({ request, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await setOperationsEndpoint(await parseJsonBody(request, ZSetOperationsEndpoint)));
});

export const DELETE = withAuth(async ({ principal }) => {
  assertPlatform(principal);
  await removeOperationsEndpoint();
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodNotAllowed("GET", "PUT", "DELETE");
