// What every API route handler goes through: request id, authentication (an API key, rate
// limited; or the dashboard's session cookie, same-origin only for changes), route params, the
// one error mapper, the request's log line and duration metric. The catalog's operations use it
// through `route` (lib/api/route.ts); `withAuth` and `withApiErrors` (no authentication) serve
// the few routes outside the catalog (account, playground).
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { Principal } from "@/lib/auth/principal";
import { enforceApiRateLimit } from "@/lib/api-keys/enforce-api-rate-limit";
import { authenticateApiKey } from "@/lib/api-keys/verify-api-key";
import { principalFromSession } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { malformedPathParam } from "@/lib/schemas/path-params";
import { logger, withLogFields } from "@/lib/logger";
import { httpRequestDuration, routeLabel } from "@/lib/metrics/web-metrics";
import { handleApiError } from "./handle-api-error";

export interface PublicApiContext<Params> {
  request: NextRequest;
  params: Params;
  requestId: string;
}

export interface ApiContext<Params> extends PublicApiContext<Params> {
  principal: Principal;
}

export type RouteContext<Params> = { params: Promise<Params> };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

export function requestIdOf(request: Pick<Request, "headers">): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-authenticated request that changes something must come from our own pages: the
 * browser's Origin (or Sec-Fetch-Site) says so. This is the CSRF defence for the dashboard's
 * calls; API-key requests carry no ambient credentials and need none.
 */
function assertSameOrigin(request: NextRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && new URL(origin).host === host && site !== "cross-site") return;
  throw new AppError("forbidden", "Cross-site requests with a session cookie are refused.");
}

export async function authenticate(request: NextRequest): Promise<Principal> {
  const token = bearerToken(request);
  if (!token && !request.headers.get("authorization")) {
    const user = await principalFromSession(request);
    if (user) {
      assertSameOrigin(request);
      return user;
    }
  }
  if (!token)
    throw new AppError("unauthorized", "Send an API key (Authorization: Bearer <key>) or sign in.", undefined, {
      "www-authenticate": "Bearer",
    });
  const authenticated = await authenticateApiKey(token);
  if (!authenticated)
    throw new AppError("unauthorized", "The API key is not valid, or was revoked.", undefined, {
      "www-authenticate": "Bearer",
    });
  enforceApiRateLimit(authenticated);
  return authenticated.principal;
}

export async function checkedParams<Params>(context: RouteContext<Params>): Promise<Params> {
  // A route without dynamic segments gets no params from Next's production server (undefined,
  // where tests tend to pass {}): an empty object, so that `params.tenant` reads as absent.
  const params = (await context.params) ?? ({} as Params);
  // A malformed id in the path names nothing that could exist: 404, as for an unknown one.
  const malformed = malformedPathParam(params as object);
  if (malformed) throw notFound(malformed);
  return params;
}

/** Request id, log fields, the error mapper, the log line and the duration metric around `run`. */
export function wrap<Params>(
  run: (request: NextRequest, context: RouteContext<Params>, requestId: string) => Promise<Response>,
  logFields: Record<string, string> = {},
) {
  return async (request: NextRequest, context: RouteContext<Params>): Promise<Response> => {
    const requestId = requestIdOf(request);
    const started = performance.now();
    return withLogFields({ requestId, ...logFields }, async () => {
      let response: Response;
      try {
        response = await run(request, context, requestId);
      } catch (error) {
        response = handleApiError(error, requestId);
      }
      response.headers.set("x-request-id", requestId);
      const seconds = (performance.now() - started) / 1_000;
      const params = await Promise.resolve(context?.params).catch(() => undefined);
      const route = routeLabel(request.nextUrl.pathname, params ?? {});
      httpRequestDuration().observe({ route, method: request.method, status: String(response.status) }, seconds);
      logger.info(
        { method: request.method, route, status: response.status, ms: Math.round(seconds * 1_000) },
        "request",
      );
      return response;
    });
  };
}

/** For the public routes (the OpenAPI document): params and errors, no authentication. */
export function withApiErrors<Params = Record<string, never>>(
  handler: (context: PublicApiContext<Params>) => Promise<Response>,
) {
  return wrap<Params>(async (request, context, requestId) =>
    handler({ request, params: await checkedParams(context), requestId }),
  );
}

export function withAuth<Params = Record<string, never>>(handler: (context: ApiContext<Params>) => Promise<Response>) {
  return wrap<Params>(async (request, context, requestId) => {
    const principal = await authenticate(request);
    return handler({ request, params: await checkedParams(context), principal, requestId });
  });
}
