// GET /api/v1/event-types – list the event-type catalog
// POST /api/v1/event-types – add an event type (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { createEventType, listEventTypes } from "@/lib/event-types";
import * as catalog from "@/lib/openapi/event-types";

export const GET = route(catalog.listEventTypes, async ({ query }) => listEventTypes(query));

export const POST = route(catalog.createEventType, async ({ body }) => createEventType(body));

export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
