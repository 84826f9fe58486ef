// GET /api/v1/event-types – list the event-type catalog
// POST /api/v1/event-types – add an event type (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseQuery } from "@/lib/api/parse-query";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { createEventType, listEventTypes } from "@/lib/event-types";
import { ZCreateEventType, ZListEventTypesQuery } from "@/lib/schemas/event-types";

export const GET = withAuth(async ({ request }) =>
  NextResponse.json(await listEventTypes(parseQuery(request, ZListEventTypesQuery))),
);

export const POST = withAuth(async ({ request, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await createEventType(await parseJsonBody(request, ZCreateEventType)), { status: 201 });
});

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
