// The route modules under app/api/v1, loaded the way the tests call them: directly, by file.
import type { NextRequest } from "next/server";
import type { ApiOperation } from "@/lib/openapi";
import { callRoute, type CallOptions } from "./api";
import { routeFileOf } from "./api-cases";

export type RouteHandler = ((
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>) & { operation?: ApiOperation };
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteHandler>>;

export const ROUTE_MODULES = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");

export async function handlerOf(operation: ApiOperation): Promise<RouteHandler> {
  const load = ROUTE_MODULES[routeFileOf(operation)];
  if (!load) throw new Error(`${operation.operationId}: no route file ${routeFileOf(operation)}`);
  const handler = (await load())[operation.method.toUpperCase() as keyof RouteModule];
  if (!handler)
    throw new Error(`${operation.operationId}: ${routeFileOf(operation)} exports no ${operation.method.toUpperCase()}`);
  return handler;
}

export async function callOperation(
  operation: ApiOperation,
  options: Omit<CallOptions<Record<string, string>>, "method">,
) {
  return callRoute(await handlerOf(operation), { ...options, method: operation.method.toUpperCase() });
}
