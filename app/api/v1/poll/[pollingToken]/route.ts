// GET /api/v1/poll/:pollingToken – a polling endpoint's next signed messages (long poll with ?wait=)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/polling";
import { pollEndpoint } from "@/lib/polling";

export const GET = route(catalog.pollMessages, async ({ request, params, query }) =>
  pollEndpoint(params.pollingToken, { ...query, signal: request.signal }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
