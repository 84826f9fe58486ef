// GET /api/v1/event-types – list the event-type catalog
// POST /api/v1/event-types – add an event type (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { createEventType, listEventTypes } from "@/lib/event-types";
import { ZCreateEventType, ZListEventTypesQuery } from "@/lib/schemas/event-types";

export const GET = withApiKey(async ({ request }) => NextResponse.json(await listEventTypes(parseQuery(request, ZListEventTypesQuery))));

export const POST = withApiKey(async ({ request, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await createEventType(await parseJsonBody(request, ZCreateEventType)), { status: 201 });
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
