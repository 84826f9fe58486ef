// Next.js answers a method a route file does not export with an empty 405; the API promises a
// JSON error body and an Allow header instead. A route file exports the methods it lacks:
//   export const { PUT, PATCH, DELETE } = methodNotAllowed("GET", "POST");
import { errorResponse } from "./handle-api-error";
import { requestIdOf } from "./with-auth";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Handler = (request: Request) => Promise<Response>;

export function methodNotAllowed(...allowed: HttpMethod[]): Record<HttpMethod, Handler> {
  const allow = allowed.join(", ");
  const handler: Handler = async (request) => {
    const requestId = requestIdOf(request);
    return errorResponse("method_not_allowed", `${request.method} is not allowed on this route; use ${allow}.`, {
      headers: { allow, "x-request-id": requestId },
      requestId,
    });
  };
  return Object.fromEntries(HTTP_METHODS.map((method) => [method, handler])) as Record<HttpMethod, Handler>;
}
