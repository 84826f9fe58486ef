// The wrapper every /api/v1 route handler goes through: request id, API-key authentication,
// route params, and the one error mapper. Handlers stay thin: parse, call lib/, return JSON.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { Principal } from "@/lib/auth/principal";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { AppError } from "@/lib/errors";
import { handleApiError } from "./handle-api-error";

export interface ApiContext<Params> {
  request: NextRequest;
  params: Params;
  principal: Principal;
  requestId: string;
}

type RouteContext<Params> = { params: Promise<Params> };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

export function withApiKey<Params = Record<string, never>>(handler: (context: ApiContext<Params>) => Promise<Response>) {
  return async (request: NextRequest, context: RouteContext<Params>): Promise<Response> => {
    const requestId = requestIdOf(request);
    let response: Response;
    try {
      const token = bearerToken(request);
      if (!token) throw new AppError("unauthorized", "Send an API key: Authorization: Bearer <key>.", undefined, { "www-authenticate": "Bearer" });
      const principal = await verifyApiKey(token);
      if (!principal) throw new AppError("unauthorized", "The API key is not valid, or was revoked.", undefined, { "www-authenticate": "Bearer" });
      response = await handler({ request, params: await context.params, principal, requestId });
    } catch (error) {
      response = handleApiError(error, requestId);
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}
