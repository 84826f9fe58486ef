// GET /api/v1/event-types/:name – get an event type
// PATCH /api/v1/event-types/:name – change its description, schema or example (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { getEventType, updateEventType } from "@/lib/event-types";
import * as catalog from "@/lib/openapi/event-types";

export const GET = route(catalog.getEventType, async ({ params }) => getEventType(params.name));

export const PATCH = route(catalog.updateEventType, async ({ params, body }) => updateEventType(params.name, body));

export const { POST, PUT, DELETE } = methodNotAllowed("GET", "PATCH");
