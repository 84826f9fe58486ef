// The route handler of a catalog operation, made from its one declaration (lib/openapi/<noun>.ts):
//   export const GET = route(catalog.getEndpoint, async ({ tenant, params }) => getEndpoint(tenant.tenantId, params.endpoint));
// From the entry the wrapper authenticates the caller (unless `public`), checks the path
// params (malformed → 404), authorizes (`platform`: operators only; read/write/manage: that
// action in the tenant of `{tenant}`), parses the query and the body with the entry's schemas,
// and answers what the handler returns as JSON with the entry's first success status (204: no
// body) and Cache-Control. Errors go through the one mapper with the request id; the log fields
// (request id, operation id), the log line and the duration metric are the wrap's
// (lib/api/with-auth.ts). A handler that must choose among documented statuses returns a Response.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { assertNotPortal, assertPlatform, authorizeTenant, type TenantAccess } from "@/lib/auth/authorize-tenant";
import type { Principal } from "@/lib/auth/principal";
import type { ApiOperation, PathParams } from "@/lib/openapi/api-operation";
import { parseQuery } from "./parse-query";
import { parseJsonBody, readJsonBody } from "./read-json-body";
import { authenticate, checkedParams, wrap, type RouteContext } from "./with-auth";
import { mayReadFromReplica, noteChange } from "./read-your-writes";
import { readingFromReplica } from "@/lib/db";

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;
type TenantScoped = "platform" | "read" | "write" | "manage";

/** What a handler gets: everything the entry declares, already checked. */
export interface OperationContext<Operation extends ApiOperation> {
  request: NextRequest;
  requestId: string;
  params: PathParams<Operation["path"]>;
  principal: Operation["access"] extends "public" ? undefined : Principal;
  /** The caller's access to the tenant of `{tenant}` (platform callers act as owner). */
  tenant: Operation["path"] extends `${string}{tenant}${string}`
    ? Operation["access"] extends TenantScoped
      ? TenantAccess
      : undefined
    : undefined;
  query: Parsed<Operation["query"]>;
  /** With `bodyOptional`, a request without a body reads as `{}` (the schema's defaults). */
  body: Parsed<Operation["body"]>;
}

export interface RouteOptions {
  /** Called with any error thrown after authorization (parsing included), before it is mapped. */
  onFailure?: (error: unknown) => void;
}

/** A route handler as Next calls it, carrying the operation it serves (tests and the fast path read it). */
export interface OperationRoute {
  (request: NextRequest, context: RouteContext<Record<string, string>>): Promise<Response>;
  readonly operation: ApiOperation;
}

async function authorize(
  operation: ApiOperation,
  principal: Principal,
  params: { tenant?: string },
): Promise<TenantAccess | undefined> {
  switch (operation.access) {
    case "public":
    case "authenticated":
      return undefined;
    case "platform":
      assertPlatform(principal);
      // Operators act in any tenant; the tenant must still exist.
      return params.tenant === undefined ? undefined : authorizeTenant(principal, params.tenant, "read");
    default: {
      // No {tenant}: the lib function authorizes against the tenant the request names (tenantFrom).
      if (params.tenant === undefined) return undefined;
      const access = await authorizeTenant(principal, params.tenant, operation.access);
      if (operation.portal === false) assertNotPortal(principal);
      return access;
    }
  }
}

async function parseBody(operation: ApiOperation, request: NextRequest): Promise<unknown> {
  if (!operation.body) return undefined;
  if (operation.payloadBody) return operation.body.parse(await readJsonBody(request, operation.payloadBody.maxBytes()));
  return parseJsonBody(request, operation.body, { optional: operation.bodyOptional });
}

function answer(operation: ApiOperation, result: unknown): Response {
  if (result instanceof Response) return result;
  const status = operation.responses[0].status;
  const headers = operation.cacheControl ? { "cache-control": operation.cacheControl } : undefined;
  if (status === 204) return new Response(null, { status, headers });
  return NextResponse.json(result, { status, headers });
}

export function route<const Operation extends ApiOperation>(
  operation: Operation,
  handler: (context: OperationContext<Operation>) => Promise<unknown>,
  options: RouteOptions = {},
): OperationRoute {
  const serve = wrap<Record<string, string>>(
    async (request, context, requestId) => {
      const principal = operation.access === "public" ? undefined : await authenticate(request);
      const params = await checkedParams(context);
      const tenant = principal ? await authorize(operation, principal, params) : undefined;
      try {
        const query = operation.query ? parseQuery(request, operation.query) : undefined;
        const body = await parseBody(operation, request);
        const context = { request, requestId, params, principal, tenant, query, body };
        const run = () => handler(context as OperationContext<Operation>);
        const response = answer(
          operation,
          await (mayReadFromReplica(request, principal) ? readingFromReplica(run) : run()),
        );
        noteChange(request, principal, response);
        return response;
      } catch (error) {
        options.onFailure?.(error);
        throw error;
      }
    },
    { operationId: operation.operationId },
  );
  return Object.assign(serve, { operation });
}
