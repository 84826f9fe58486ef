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

/** The "Routing" section of the API reference's introduction (info.description, Markdown). */
export const ROUTING_GUIDE = `## Routing

Three controls decide which endpoints get a message and in what order.

**Payload filters.** An endpoint's \`filter\` is a MongoDB-style query over the message payload: dot paths
(\`customer.country\`, \`items.0.sku\`; a path through an array matches when any element does), the operators \`$eq
$ne $in $nin $gt $gte $lt $lte $exists $and $or $not\`, and a bare value meaning \`$eq\`. Comparisons are within a
type (\`"10"\` is not greater than \`9\`); \`$ne\` and \`$nin\` hold for a missing field; \`{"field": null}\` matches
null or missing. At most 8 KiB and 12 levels deep, no regular expressions or code; a bad filter is a 422 whose
\`details\` name the path of the problem (\`filter.amount.$gte\`). It is evaluated at publish, with the fan-out: an
endpoint whose filter does not match gets no delivery, and the message's \`skippedByFilter\` names it. \`POST
/tenants/{tenant}/test-filter\` tries a filter on the event types' examples and the latest 20 messages before you save
it.

**Channels and tags.** A message may carry \`channels\` (≤ 10 names of \`a-z 0-9 . _ -\`, ≤ 64 characters) and
\`tags\` (≤ 10 free labels). An endpoint that lists \`channels\` receives only messages that share at least one of
them (without channels: every message). Event-type subscriptions and the filter apply as well. List messages by
\`?channel=\` and \`?tag=\`.

**FIFO endpoints.** An endpoint with \`"ordering": "fifo"\` sends the messages of one \`orderingKey\` (≤ 128
characters; none: the endpoint's whole stream is one key) one at a time, in publish order: the next is not sent before
the previous one succeeded or finally failed, with any number of workers and across crashes. A failing message holds
its key through its retry schedule; other keys keep flowing (\`GET …/endpoints/{endpoint}/blocked-keys\`). After it
finally fails, \`"fifoOnFailure": "skip"\` (default) moves the key on; \`"pause"\` disables the endpoint with reason
\`fifo_head_failed\` (what it had queued fails visibly): fix the receiver, enable the endpoint and recover its failed
deliveries, which are sent again in their order.`;
