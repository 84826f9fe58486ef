// Every operation of the REST API, in one list gathered from the catalog files of each noun: the
// OpenAPI document is generated from it and the route tests are driven by it. A route that is
// not listed here is not documented — and test/integration/api/route-catalog.test.ts fails
// until it is.
import type { z } from "zod";
import type { ApiOperation } from "./api-operation";
import * as apiKeys from "./api-keys";
import * as docs from "./docs";
import * as endpoints from "./endpoints";
import * as eventTypes from "./event-types";
import * as incidents from "./incidents";
import * as members from "./members";
import * as messages from "./messages";
import * as operationsEndpoint from "./operations-endpoint";
import * as polling from "./polling";
import * as portal from "./portal";
import * as routing from "./routing";
import * as system from "./system";
import * as tenants from "./tenants";

const CATALOGS: Array<Record<string, unknown> & { views?: Record<string, z.ZodType> }> = [
  tenants,
  members,
  portal,
  apiKeys,
  eventTypes,
  operationsEndpoint,
  endpoints,
  routing,
  incidents,
  polling,
  messages,
  system,
  docs,
];

const isOperation = (value: unknown): value is ApiOperation =>
  typeof value === "object" && value !== null && "operationId" in value;

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** By path, then method: the same order wherever it runs (a module namespace's key order is not). */
const byPath = (a: ApiOperation, b: ApiOperation) =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);

export const OPERATIONS: ApiOperation[] = CATALOGS.flatMap((catalog) =>
  Object.values(catalog).filter(isOperation).sort(byPath),
);

/** Named schemas of `components.schemas`: each request body named after its operation, and the catalogs' views. */
export const REQUEST_COMPONENTS: Record<string, z.ZodType> = Object.fromEntries(
  OPERATIONS.flatMap((operation) =>
    operation.body ? [[operation.operationId[0]!.toUpperCase() + operation.operationId.slice(1), operation.body]] : [],
  ),
);

export const RESPONSE_COMPONENTS: Record<string, z.ZodType> = Object.assign(
  {},
  ...CATALOGS.map((catalog) => catalog.views ?? {}),
);
