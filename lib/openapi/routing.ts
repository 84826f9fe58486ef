// Routing: trying a payload filter before saving it, and the blocked keys of a FIFO endpoint.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { ZBlockedKeys, ZFilterTestResult, ZTestFilter } from "@/lib/schemas/routing";
import { defineOperation } from "./api-operation";
import { ok, TENANT, ENDPOINT } from "./catalog-helpers";

export const testEndpointFilter = defineOperation({
  operationId: "testEndpointFilter",
  method: "post",
  path: `${TENANT}/test-filter`,
  tag: "Endpoints",
  summary: "Test a payload filter",
  description:
    "Evaluates a filter (as an endpoint's `filter` would be) against the catalog examples of the given event types and the tenant's latest 20 messages, without saving anything. A bad filter is a 422 naming the path of the problem.",
  access: "read",
  body: ZTestFilter,
  responses: [ok("Each example and message, marked match or no match.", ZFilterTestResult)],
});

export const listBlockedKeys = defineOperation({
  operationId: "listBlockedKeys",
  method: "get",
  path: `${ENDPOINT}/blocked-keys`,
  tag: "Endpoints",
  summary: "List a FIFO endpoint's blocked keys",
  description:
    "Ordering keys whose head delivery has failed at least once and is still being retried: every later message of the key waits behind it. Each with the head message and its last attempt; at most 100, longest blocked first.",
  access: "read",
  responses: [ok("The blocked keys.", ZBlockedKeys)],
});

/** Answers named in the document's components.schemas. */
export const views = {
  FilterTestResult: ZFilterTestResult,
  BlockedKeys: ZBlockedKeys,
};
