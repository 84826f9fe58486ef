// Endpoints: where a tenant's webhooks go, their secrets, headers, statistics and recovery.
// Each entry is the operation's one declaration: see lib/openapi/api-operation.ts.
import { zPage } from "@/lib/schemas/common";
import {
  ZCreateEndpoint,
  ZCreatedEndpointView,
  ZDisableEndpoint,
  ZEndpointAttemptView,
  ZEndpointHeadersView,
  ZEndpointHealthList,
  ZEndpointHealthQuery,
  ZEndpointSecretView,
  ZEndpointStats,
  ZEndpointStatsQuery,
  ZEndpointView,
  ZListEndpointAttemptsQuery,
  ZListEndpointsQuery,
  ZRecoverEndpoint,
  ZRecoverResult,
  ZReplaceEndpointHeaders,
  ZRotateEndpointSecret,
  ZSendTestEvent,
  ZTestEventResult,
  ZUpdateEndpoint,
} from "@/lib/schemas/endpoints";
import { ZPreviewTransformation, ZTransformationPreview } from "@/lib/schemas/policies";
import { defineOperation } from "./api-operation";
import { ok, created, noContent, TENANT, ENDPOINT } from "./catalog-helpers";

export const listEndpoints = defineOperation({
  operationId: "listEndpoints",
  method: "get",
  path: `${TENANT}/endpoints`,
  tag: "Endpoints",
  summary: "List endpoints",
  access: "read",
  query: ZListEndpointsQuery,
  responses: [ok("A page of endpoints.", zPage(ZEndpointView))],
});

export const createEndpoint = defineOperation({
  operationId: "createEndpoint",
  method: "post",
  path: `${TENANT}/endpoints`,
  tag: "Endpoints",
  summary: "Create an endpoint",
  description:
    'A `whsec_` signing secret (a `whsk_` key with `signatureScheme: "v1a"`) is generated unless one is given; read it (for v1a: its `whpk_` public key) with the secret route.',
  access: "write",
  body: ZCreateEndpoint,
  cacheControl: "no-store",
  responses: [
    created("The endpoint; a polling endpoint's with its pollingToken, shown this once.", ZCreatedEndpointView),
  ],
});

export const getEndpoint = defineOperation({
  operationId: "getEndpoint",
  method: "get",
  path: ENDPOINT,
  tag: "Endpoints",
  summary: "Get an endpoint",
  access: "read",
  responses: [ok("The endpoint.", ZEndpointView)],
});

export const updateEndpoint = defineOperation({
  operationId: "updateEndpoint",
  method: "patch",
  path: ENDPOINT,
  tag: "Endpoints",
  summary: "Update an endpoint",
  access: "write",
  body: ZUpdateEndpoint,
  responses: [ok("The endpoint.", ZEndpointView)],
});

export const deleteEndpoint = defineOperation({
  operationId: "deleteEndpoint",
  method: "delete",
  path: ENDPOINT,
  tag: "Endpoints",
  summary: "Delete an endpoint",
  description: "Its deliveries and attempts go with it; messages stay.",
  access: "write",
  responses: [noContent("Deleted.")],
});

export const enableEndpoint = defineOperation({
  operationId: "enableEndpoint",
  method: "post",
  path: `${ENDPOINT}/enable`,
  tag: "Endpoints",
  summary: "Enable an endpoint",
  access: "write",
  responses: [ok("The endpoint.", ZEndpointView)],
});

export const disableEndpoint = defineOperation({
  operationId: "disableEndpoint",
  method: "post",
  path: `${ENDPOINT}/disable`,
  tag: "Endpoints",
  summary: "Disable an endpoint",
  description: "Its queued deliveries fail at once; recover them after enabling it again.",
  access: "write",
  body: ZDisableEndpoint,
  bodyOptional: true,
  responses: [ok("The endpoint.", ZEndpointView)],
});

export const getEndpointSecret = defineOperation({
  operationId: "getEndpointSecret",
  method: "get",
  path: `${ENDPOINT}/secret`,
  tag: "Endpoints",
  summary: "Reveal the signing secret",
  // "write", not "read": whoever holds the secret can forge webhooks to the receiver.
  access: "write",
  cacheControl: "no-store",
  responses: [ok("The secret.", ZEndpointSecretView)],
});

export const rotateEndpointSecret = defineOperation({
  operationId: "rotateEndpointSecret",
  method: "post",
  path: `${ENDPOINT}/secret/rotate`,
  tag: "Endpoints",
  summary: "Rotate the signing secret",
  description:
    "The old secret keeps signing next to the new one until previousSecretExpiresAt (HOOKLINE_SECRET_OVERLAP_MS).",
  access: "write",
  body: ZRotateEndpointSecret,
  bodyOptional: true,
  cacheControl: "no-store",
  responses: [ok("The new secret.", ZEndpointSecretView)],
});

export const getEndpointHeaders = defineOperation({
  operationId: "getEndpointHeaders",
  method: "get",
  path: `${ENDPOINT}/headers`,
  tag: "Endpoints",
  summary: "Read the custom headers",
  // Header values are often credentials: the same role as the secret.
  access: "write",
  cacheControl: "no-store",
  responses: [ok("The headers, decrypted.", ZEndpointHeadersView)],
});

export const replaceEndpointHeaders = defineOperation({
  operationId: "replaceEndpointHeaders",
  method: "put",
  path: `${ENDPOINT}/headers`,
  tag: "Endpoints",
  summary: "Replace the custom headers",
  access: "write",
  body: ZReplaceEndpointHeaders,
  responses: [ok("The headers.", ZEndpointHeadersView)],
});

export const recoverEndpoint = defineOperation({
  operationId: "recoverEndpoint",
  method: "post",
  path: `${ENDPOINT}/recover`,
  tag: "Endpoints",
  summary: "Recover failed deliveries",
  description:
    "Every failed delivery of the endpoint created in [since, until) is queued again, with the whole retry schedule ahead of it. The endpoint must be enabled.",
  access: "write",
  body: ZRecoverEndpoint,
  responses: [ok("How many deliveries were queued again.", ZRecoverResult)],
});

export const sendTestEvent = defineOperation({
  operationId: "sendTestEvent",
  method: "post",
  path: `${ENDPOINT}/test`,
  tag: "Endpoints",
  summary: "Send a test event",
  description:
    "Publishes the event type's example to this endpoint only and tries it right away. The answer is the try's outcome (a receiver's error is not an API error).",
  access: "write",
  body: ZSendTestEvent,
  responses: [ok("The try's outcome.", ZTestEventResult)],
});

export const previewTransformation = defineOperation({
  operationId: "previewTransformation",
  method: "post",
  path: `${TENANT}/transformations/preview`,
  tag: "Endpoints",
  summary: "Preview a transformation",
  description:
    "Runs an endpoint transformation with the bounds deliveries use (50 ms, the payload limit) on the given `input`, or else on the catalog examples of `eventTypes` and the tenant's latest 10 messages, and answers per sample with the body and headers it would send, `skipped`, or the error with its position. Nothing is saved or sent.",
  access: "write",
  body: ZPreviewTransformation,
  responses: [ok("What the transformation makes of each sample.", ZTransformationPreview)],
});

export const getEndpointStats = defineOperation({
  operationId: "getEndpointStats",
  method: "get",
  path: `${ENDPOINT}/stats`,
  tag: "Endpoints",
  summary: "Delivery statistics",
  description:
    "Success rate, counts and latency percentiles (from the per-minute and per-hour rollups) over a range, in buckets of a minute, an hour or a day.",
  access: "read",
  query: ZEndpointStatsQuery,
  responses: [ok("Totals and a continuous series.", ZEndpointStats)],
});

export const listEndpointHealth = defineOperation({
  operationId: "listEndpointHealth",
  method: "get",
  path: `${TENANT}/endpoints/health`,
  tag: "Endpoints",
  summary: "Endpoint health",
  description:
    "For each endpoint named (a page of the list): attempts, success rate and latency percentiles of the last 24 hours (from the per-minute and per-hour rollups), and its latest attempt. Ids of other tenants are left out.",
  access: "read",
  query: ZEndpointHealthQuery,
  responses: [ok("One entry per endpoint found, newest endpoint first.", ZEndpointHealthList)],
});

export const listEndpointAttempts = defineOperation({
  operationId: "listEndpointAttempts",
  method: "get",
  path: `${ENDPOINT}/attempts`,
  tag: "Endpoints",
  summary: "List an endpoint's attempts",
  description:
    "Every try to this endpoint, whatever the message, newest first, with request and response detail and the message's event type.",
  access: "read",
  query: ZListEndpointAttemptsQuery,
  responses: [ok("A page of attempts.", zPage(ZEndpointAttemptView))],
});

/** Answers named in the document's components.schemas. */
export const views = {
  Endpoint: ZEndpointView,
  EndpointSecret: ZEndpointSecretView,
  EndpointHeaders: ZEndpointHeadersView,
  RecoverResult: ZRecoverResult,
  TestEventResult: ZTestEventResult,
  EndpointStats: ZEndpointStats,
  EndpointHealthList: ZEndpointHealthList,
  EndpointAttempt: ZEndpointAttemptView,
  TransformationPreview: ZTransformationPreview,
};
