// The shape of one API operation: its one declaration. Each is written once, in the catalog file
// of its noun (lib/openapi/<noun>.ts), and used by everything that needs it: the route file
// serves it (`route(entry, handler)` in lib/api/route.ts authenticates, authorizes, parses and
// answers from it), the OpenAPI document describes it, the route tests call it with every kind
// of caller, and the production server's fast path finds its URL by it.
import type { z } from "zod";
import type { TenantAction } from "@/lib/auth/principal";

/**
 * Who may call it. `public`: anyone; `authenticated`: any valid key; `platform`: operators and
 * platform keys; read/write/manage: that action in the tenant the operation acts in.
 */
export type Access = "public" | "authenticated" | "platform" | TenantAction;

export type HttpVerb = "get" | "post" | "put" | "patch" | "delete";

export interface ApiResponse {
  status: 200 | 201 | 202 | 204;
  description: string;
  schema?: z.ZodType;
}

export interface ApiOperation {
  operationId: string;
  method: HttpVerb;
  /** Relative to /api/v1, with `{param}` segments named as under app/api/v1 (`[param]`). */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may be left out entirely. */
  bodyOptional?: boolean;
  headers?: Array<{ name: string; schema: z.ZodType; description: string }>;
  responses: [ApiResponse, ...ApiResponse[]];
  /** Error statuses beyond those implied by access, path, query and body (409, …). */
  errors?: number[];
  /**
   * The body carries webhook payloads (publish): its own size limit, and NUL characters are
   * allowed, since payloads are stored as JSON text. Other bodies: 1 MiB, no NUL.
   */
  payloadBody?: { maxBytes: () => number };
  /**
   * For a tenant-scoped access without `{tenant}` in the path (API keys): the tenant is named in
   * the query or body, or by the object, and the lib function authorizes the caller against it
   * (lib/api-keys/key-scope.ts). Every other tenant-scoped operation is authorized by the route
   * wrapper against `{tenant}`.
   */
  tenantFrom?: "request";
  /** false: refused to portal sessions whatever their role (the member list). */
  portal?: false;
  /** The success answer's Cache-Control (secrets: no-store). */
  cacheControl?: "no-store" | "no-cache";
}

/** Declares one operation, keeping its literal types so that its route handler is typed from it. */
export function defineOperation<const Operation extends ApiOperation>(operation: Operation): Operation {
  const tenantScoped = operation.access === "read" || operation.access === "write" || operation.access === "manage";
  if (tenantScoped && !operation.path.includes("{tenant}") && operation.tenantFrom !== "request")
    throw new Error(`${operation.operationId}: ${operation.access} access needs {tenant} in the path or tenantFrom`);
  return operation;
}

/** `{tenant}`, `{endpoint}`… of a path, as the route's params object. */
export type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [Key in Name]: string } & PathParams<Rest>
  : unknown;

/** Error statuses an operation can answer with, derived from its shape. */
export function errorStatuses(operation: ApiOperation): number[] {
  const statuses = new Set<number>(operation.errors ?? []);
  if (operation.access !== "public") statuses.add(401).add(429);
  if (operation.access !== "public" && operation.access !== "authenticated" && operation.access !== "read")
    statuses.add(403);
  if (operation.path.includes("{")) statuses.add(404);
  if (["read", "write", "manage"].includes(operation.access)) statuses.add(404);
  if (operation.query) statuses.add(422);
  if (operation.body) statuses.add(400).add(413).add(415).add(422);
  return [...statuses].sort();
}
