// POST /api/v1/event-types/:name/archive – archive an event type: no new publishes of it (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { setEventTypeArchived } from "@/lib/event-types";
import * as catalog from "@/lib/openapi/event-types";

export const POST = route(catalog.archiveEventType, async ({ params }) => setEventTypeArchived(params.name, true));

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
