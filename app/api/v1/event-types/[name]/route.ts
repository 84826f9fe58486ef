// GET /api/v1/event-types/:name – get an event type
// PATCH /api/v1/event-types/:name – change its description, schema or example (operators)
import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/read-json-body";
import { withAuth } from "@/lib/api/with-auth";
import { assertPlatform } from "@/lib/auth/authorize-tenant";
import { getEventType, updateEventType } from "@/lib/event-types";
import { ZUpdateEventType } from "@/lib/schemas/event-types";

type Params = { name: string };

export const GET = withAuth<Params>(async ({ params }) => NextResponse.json(await getEventType(params.name)));

export const PATCH = withAuth<Params>(async ({ request, params, principal }) => {
  assertPlatform(principal);
  return NextResponse.json(await updateEventType(params.name, await parseJsonBody(request, ZUpdateEventType)));
});

export const { POST, PUT, DELETE } = methodNotAllowed("GET", "PATCH");
