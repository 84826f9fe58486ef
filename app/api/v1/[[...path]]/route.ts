// Any other path under /api/v1 – 404 with the API's JSON error body (Next.js would answer HTML)
import { errorResponse } from "@/lib/api/handle-api-error";
import { requestIdOf } from "@/lib/api/with-auth";

async function unknownRoute(request: Request): Promise<Response> {
  const requestId = requestIdOf(request);
  const { pathname } = new URL(request.url);
  return errorResponse("not_found", `There is no API route ${request.method} ${pathname}; see /api/v1/openapi.json.`, {
    requestId,
    headers: { "x-request-id": requestId },
  });
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
