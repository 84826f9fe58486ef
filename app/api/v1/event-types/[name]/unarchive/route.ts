// POST /api/v1/event-types/:name/unarchive – make an archived event type publishable again (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import { setEventTypeArchived } from "@/lib/event-types";
import * as catalog from "@/lib/openapi/event-types";

export const POST = route(catalog.unarchiveEventType, async ({ params }) => setEventTypeArchived(params.name, false));

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
