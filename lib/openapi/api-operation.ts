// The shape of one documented API operation. lib/openapi/operations.ts lists them all; the
// OpenAPI document is built from that list, and the route tests walk the same list (role
// matrix, tenant isolation, responses checked against the documented schemas).
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
}

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
