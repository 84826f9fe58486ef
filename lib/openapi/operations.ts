// Every operation of the REST API, in one list: the OpenAPI document is generated from it and
// the route tests are driven by it. A route that is not listed here is not documented — and
// test/integration/api/route-catalog.test.ts fails until it is.
import { z } from "zod";
import { ZSetOperationsEndpoint } from "@/lib/schemas/operations";
import { zPage } from "@/lib/schemas/common";
import { ZApiKeyView, ZCreateApiKey, ZCreatedApiKey, ZListApiKeysQuery } from "@/lib/schemas/api-keys";
import {
  ZCreateEndpoint,
  ZDisableEndpoint,
  ZEndpointHeadersView,
  ZEndpointSecretView,
  ZEndpointView,
  ZListEndpointsQuery,
  ZEndpointStats,
  ZEndpointStatsQuery,
  ZEndpointAttemptView,
  ZEndpointHealthList,
  ZEndpointHealthQuery,
  ZListEndpointAttemptsQuery,
  ZRecoverEndpoint,
  ZRecoverResult,
  ZReplaceEndpointHeaders,
  ZRotateEndpointSecret,
  ZSendTestEvent,
  ZTestEventResult,
  ZUpdateEndpoint,
} from "@/lib/schemas/endpoints";
import { ZCreateEventType, ZEventTypeView, ZListEventTypesQuery, ZUpdateEventType } from "@/lib/schemas/event-types";
import {
  ZAttemptView,
  ZIdempotencyKey,
  ZListAttemptsQuery,
  ZListMessagesQuery,
  ZMessageSummary,
  ZMessageView,
  ZPublishBatch,
  ZPublishedBatch,
  ZPublishedMessage,
  ZPublishMessage,
  ZResendMessage,
  ZResendResult,
} from "@/lib/schemas/messages";
import {
  ZCreatedInvite,
  ZCreateInvite,
  ZCreateTenant,
  ZInviteView,
  ZListInvitesQuery,
  ZListMembersQuery,
  ZListTenantsQuery,
  ZMemberView,
  ZTenantView,
  ZUpdateMember,
  ZUpdateTenant,
} from "@/lib/schemas/tenants";
import { ZTenantStats, ZTenantStatsQuery } from "@/lib/schemas/stats";
import { ZAuditEventView, ZListAuditEventsQuery } from "@/lib/schemas/audit";
import { ZCreatePortalAccess, ZPortalAccess } from "@/lib/schemas/portal";
import { ZSystemStatus, ZTenantUsageView } from "@/lib/schemas/system";
import type { ApiOperation } from "./api-operation";

/** Named schemas: `components.schemas` of the document (request bodies are read as input). */
export const REQUEST_COMPONENTS: Record<string, z.ZodType> = {
  CreateTenant: ZCreateTenant,
  UpdateTenant: ZUpdateTenant,
  UpdateMember: ZUpdateMember,
  CreateInvite: ZCreateInvite,
  CreateApiKey: ZCreateApiKey,
  CreateEventType: ZCreateEventType,
  UpdateEventType: ZUpdateEventType,
  CreateEndpoint: ZCreateEndpoint,
  UpdateEndpoint: ZUpdateEndpoint,
  DisableEndpoint: ZDisableEndpoint,
  RotateEndpointSecret: ZRotateEndpointSecret,
  ReplaceEndpointHeaders: ZReplaceEndpointHeaders,
  PublishMessage: ZPublishMessage,
  PublishBatch: ZPublishBatch,
  RecoverEndpoint: ZRecoverEndpoint,
  SendTestEvent: ZSendTestEvent,
  ResendMessage: ZResendMessage,
  CreatePortalAccess: ZCreatePortalAccess,
};

export const RESPONSE_COMPONENTS: Record<string, z.ZodType> = {
  Tenant: ZTenantView,
  Member: ZMemberView,
  Invite: ZInviteView,
  CreatedInvite: ZCreatedInvite,
  ApiKey: ZApiKeyView,
  CreatedApiKey: ZCreatedApiKey,
  EventType: ZEventTypeView,
  Endpoint: ZEndpointView,
  EndpointSecret: ZEndpointSecretView,
  EndpointHeaders: ZEndpointHeadersView,
  PublishedMessage: ZPublishedMessage,
  PublishedBatch: ZPublishedBatch,
  MessageSummary: ZMessageSummary,
  Message: ZMessageView,
  Attempt: ZAttemptView,
  RecoverResult: ZRecoverResult,
  TestEventResult: ZTestEventResult,
  EndpointStats: ZEndpointStats,
  EndpointHealthList: ZEndpointHealthList,
  EndpointAttempt: ZEndpointAttemptView,
  TenantStats: ZTenantStats,
  ResendResult: ZResendResult,
  SystemStatus: ZSystemStatus,
  TenantUsage: ZTenantUsageView,
  PortalAccess: ZPortalAccess,
  AuditEvent: ZAuditEventView,
};

const ok = (description: string, schema?: z.ZodType) => ({ status: 200 as const, description, schema });
const created = (description: string, schema: z.ZodType) => ({ status: 201 as const, description, schema });
const noContent = (description: string) => ({ status: 204 as const, description });

const TENANT = "/tenants/{tenant}";
const ENDPOINT = `${TENANT}/endpoints/{endpoint}`;
const MESSAGE = `${TENANT}/messages/{message}`;

export const OPERATIONS: ApiOperation[] = [
  // Tenants, members, invites
  { operationId: "listTenants", method: "get", path: "/tenants", tag: "Tenants", summary: "List the tenants you can see", description: "Every tenant for the operator; a tenant key sees its own.", access: "authenticated", query: ZListTenantsQuery, responses: [ok("A page of tenants.", zPage(ZTenantView))] },
  { operationId: "createTenant", method: "post", path: "/tenants", tag: "Tenants", summary: "Create a tenant", access: "platform", body: ZCreateTenant, responses: [created("The tenant.", ZTenantView)] },
  { operationId: "getTenant", method: "get", path: TENANT, tag: "Tenants", summary: "Get a tenant", access: "read", responses: [ok("The tenant.", ZTenantView)] },
  { operationId: "updateTenant", method: "patch", path: TENANT, tag: "Tenants", summary: "Update a tenant", description: "Owners may rename; retention and the API rate limit are the operator's.", access: "manage", body: ZUpdateTenant, responses: [ok("The tenant.", ZTenantView)] },
  { operationId: "listMembers", method: "get", path: `${TENANT}/members`, tag: "Members", summary: "List members", access: "read", query: ZListMembersQuery, responses: [ok("A page of members.", zPage(ZMemberView))] },
  { operationId: "updateMember", method: "patch", path: `${TENANT}/members/{user}`, tag: "Members", summary: "Change a member's role", access: "manage", body: ZUpdateMember, responses: [ok("The member.", ZMemberView)], errors: [409] },
  { operationId: "removeMember", method: "delete", path: `${TENANT}/members/{user}`, tag: "Members", summary: "Remove a member", access: "manage", responses: [noContent("Removed.")], errors: [409] },
  { operationId: "listInvites", method: "get", path: `${TENANT}/invites`, tag: "Members", summary: "List invites", access: "manage", query: ZListInvitesQuery, responses: [ok("A page of invites.", zPage(ZInviteView))] },
  { operationId: "createInvite", method: "post", path: `${TENANT}/invites`, tag: "Members", summary: "Invite someone", description: "The answer holds the invite token and link (valid 7 days, single use); they are not shown again.", access: "manage", body: ZCreateInvite, responses: [created("The invite, with its token.", ZCreatedInvite)], errors: [409] },
  {
    operationId: "createPortalAccess", method: "post", path: `${TENANT}/portal-access`, tag: "Portal", summary: "Open the tenant's dashboard for one of your users",
    description: "A single-use link (valid expiresIn seconds, default 600) that signs a browser into a portal session of this tenant only, with the role given (admin or viewer), for at most HOOKLINE_PORTAL_SESSION_MAX_AGE_S (12 h). Open it, or embed it in an iframe with `?embed=1` from an allowed origin; see docs/PORTAL.md. `user` is recorded in the audit trail as the acting user. Only the token's hash is stored.",
    access: "platform", body: ZCreatePortalAccess, bodyOptional: true, responses: [created("The link (its token is in the fragment) and when it expires.", ZPortalAccess)],
  },
  { operationId: "listAuditEvents", method: "get", path: `${TENANT}/audit-events`, tag: "Portal", summary: "List the tenant's audit trail", description: "Endpoint changes, secret rotations, resends and recoveries, newest first, with who did them: a portal link's user (as the link named them), a dashboard account or an API key.", access: "platform", query: ZListAuditEventsQuery, responses: [ok("A page of audit events.", zPage(ZAuditEventView))] },
  { operationId: "revokeInvite", method: "delete", path: `${TENANT}/invites/{invite}`, tag: "Members", summary: "Revoke an invite", access: "manage", responses: [noContent("Revoked.")], errors: [409] },

  // API keys
  { operationId: "listApiKeys", method: "get", path: "/api-keys", tag: "API keys", summary: "List API keys", description: "A tenant's keys (tenantId, or the calling key's tenant); platform callers naming no tenant see every key.", access: "read", query: ZListApiKeysQuery, responses: [ok("A page of keys (never the keys themselves).", zPage(ZApiKeyView))] },
  { operationId: "createApiKey", method: "post", path: "/api-keys", tag: "API keys", summary: "Create an API key", description: "The key is in this answer only. A tenant key's role is at most the creator's; without tenantId (operators only) the key is platform-wide.", access: "write", body: ZCreateApiKey, responses: [created("The key, shown once.", ZCreatedApiKey)] },
  { operationId: "getApiKey", method: "get", path: "/api-keys/{key}", tag: "API keys", summary: "Get an API key", access: "read", responses: [ok("The key's metadata.", ZApiKeyView)] },
  { operationId: "revokeApiKey", method: "delete", path: "/api-keys/{key}", tag: "API keys", summary: "Revoke an API key", access: "write", responses: [ok("The revoked key.", ZApiKeyView)] },

  // Event types
  { operationId: "listEventTypes", method: "get", path: "/event-types", tag: "Event types", summary: "List the event-type catalog", access: "authenticated", query: ZListEventTypesQuery, responses: [ok("A page of event types.", zPage(ZEventTypeView))] },
  { operationId: "createEventType", method: "post", path: "/event-types", tag: "Event types", summary: "Create an event type", description: "The schema must be a valid JSON Schema (draft 2020-12); the example must match it.", access: "platform", body: ZCreateEventType, responses: [created("The event type.", ZEventTypeView)], errors: [409] },
  { operationId: "getEventType", method: "get", path: "/event-types/{name}", tag: "Event types", summary: "Get an event type", access: "authenticated", responses: [ok("The event type.", ZEventTypeView)] },
  { operationId: "updateEventType", method: "patch", path: "/event-types/{name}", tag: "Event types", summary: "Update an event type", access: "platform", body: ZUpdateEventType, responses: [ok("The event type.", ZEventTypeView)] },
  { operationId: "archiveEventType", method: "post", path: "/event-types/{name}/archive", tag: "Event types", summary: "Archive an event type", description: "Publishing it is refused from now on; its messages stay readable.", access: "platform", responses: [ok("The event type.", ZEventTypeView)] },
  { operationId: "unarchiveEventType", method: "post", path: "/event-types/{name}/unarchive", tag: "Event types", summary: "Unarchive an event type", access: "platform", responses: [ok("The event type.", ZEventTypeView)] },
  // Operational webhooks: Hookline's own events, delivered to the operator's operations endpoint
  { operationId: "getOperationsEndpoint", method: "get", path: "/operations/endpoint", tag: "Operations", summary: "Get the operations endpoint", description: "Where Hookline sends its operational events (endpoint.disabled, endpoint.enabled, endpoint.failing, message.attempt.exhausted). It belongs to the system tenant; read its secret with that tenant's endpoint routes.", access: "platform", responses: [ok("The operations endpoint.", ZEndpointView)] },
  { operationId: "setOperationsEndpoint", method: "put", path: "/operations/endpoint", tag: "Operations", summary: "Set the operations endpoint", description: "Creates it (secret generated unless given) or changes its URL.", access: "platform", body: ZSetOperationsEndpoint, responses: [ok("The operations endpoint.", ZEndpointView)] },
  { operationId: "removeOperationsEndpoint", method: "delete", path: "/operations/endpoint", tag: "Operations", summary: "Remove the operations endpoint", access: "platform", responses: [noContent("Removed.")] },

  // Endpoints
  { operationId: "listEndpoints", method: "get", path: `${TENANT}/endpoints`, tag: "Endpoints", summary: "List endpoints", access: "read", query: ZListEndpointsQuery, responses: [ok("A page of endpoints.", zPage(ZEndpointView))] },
  { operationId: "createEndpoint", method: "post", path: `${TENANT}/endpoints`, tag: "Endpoints", summary: "Create an endpoint", description: "A `whsec_` signing secret is generated unless one is given; read it with the secret route.", access: "write", body: ZCreateEndpoint, responses: [created("The endpoint.", ZEndpointView)] },
  { operationId: "getEndpoint", method: "get", path: ENDPOINT, tag: "Endpoints", summary: "Get an endpoint", access: "read", responses: [ok("The endpoint.", ZEndpointView)] },
  { operationId: "updateEndpoint", method: "patch", path: ENDPOINT, tag: "Endpoints", summary: "Update an endpoint", access: "write", body: ZUpdateEndpoint, responses: [ok("The endpoint.", ZEndpointView)] },
  { operationId: "deleteEndpoint", method: "delete", path: ENDPOINT, tag: "Endpoints", summary: "Delete an endpoint", description: "Its deliveries and attempts go with it; messages stay.", access: "write", responses: [noContent("Deleted.")] },
  { operationId: "enableEndpoint", method: "post", path: `${ENDPOINT}/enable`, tag: "Endpoints", summary: "Enable an endpoint", access: "write", responses: [ok("The endpoint.", ZEndpointView)] },
  { operationId: "disableEndpoint", method: "post", path: `${ENDPOINT}/disable`, tag: "Endpoints", summary: "Disable an endpoint", description: "Its queued deliveries fail at once; recover them after enabling it again.", access: "write", body: ZDisableEndpoint, bodyOptional: true, responses: [ok("The endpoint.", ZEndpointView)] },
  { operationId: "getEndpointSecret", method: "get", path: `${ENDPOINT}/secret`, tag: "Endpoints", summary: "Reveal the signing secret", access: "write", responses: [ok("The secret.", ZEndpointSecretView)] },
  { operationId: "rotateEndpointSecret", method: "post", path: `${ENDPOINT}/secret/rotate`, tag: "Endpoints", summary: "Rotate the signing secret", description: "The old secret keeps signing next to the new one until previousSecretExpiresAt (HOOKLINE_SECRET_OVERLAP_MS).", access: "write", body: ZRotateEndpointSecret, bodyOptional: true, responses: [ok("The new secret.", ZEndpointSecretView)] },
  { operationId: "getEndpointHeaders", method: "get", path: `${ENDPOINT}/headers`, tag: "Endpoints", summary: "Read the custom headers", access: "write", responses: [ok("The headers, decrypted.", ZEndpointHeadersView)] },
  { operationId: "recoverEndpoint", method: "post", path: `${ENDPOINT}/recover`, tag: "Endpoints", summary: "Recover failed deliveries", description: "Every failed delivery of the endpoint created in [since, until) is queued again, with the whole retry schedule ahead of it. The endpoint must be enabled.", access: "write", body: ZRecoverEndpoint, responses: [ok("How many deliveries were queued again.", ZRecoverResult)] },
  { operationId: "sendTestEvent", method: "post", path: `${ENDPOINT}/test`, tag: "Endpoints", summary: "Send a test event", description: "Publishes the event type's example to this endpoint only and tries it right away. The answer is the try's outcome (a receiver's error is not an API error).", access: "write", body: ZSendTestEvent, responses: [ok("The try's outcome.", ZTestEventResult)] },
  { operationId: "getEndpointStats", method: "get", path: `${ENDPOINT}/stats`, tag: "Endpoints", summary: "Delivery statistics", description: "Success rate, counts and latency percentiles (from the per-minute and per-hour rollups) over a range, in buckets of a minute, an hour or a day.", access: "read", query: ZEndpointStatsQuery, responses: [ok("Totals and a continuous series.", ZEndpointStats)] },
  { operationId: "replaceEndpointHeaders", method: "put", path: `${ENDPOINT}/headers`, tag: "Endpoints", summary: "Replace the custom headers", access: "write", body: ZReplaceEndpointHeaders, responses: [ok("The headers.", ZEndpointHeadersView)] },
  { operationId: "listEndpointHealth", method: "get", path: `${TENANT}/endpoints/health`, tag: "Endpoints", summary: "Endpoint health", description: "For each endpoint named (a page of the list): attempts, success rate and latency percentiles of the last 24 hours (from the per-minute and per-hour rollups), and its latest attempt. Ids of other tenants are left out.", access: "read", query: ZEndpointHealthQuery, responses: [ok("One entry per endpoint found, newest endpoint first.", ZEndpointHealthList)] },
  { operationId: "listEndpointAttempts", method: "get", path: `${ENDPOINT}/attempts`, tag: "Endpoints", summary: "List an endpoint's attempts", description: "Every try to this endpoint, whatever the message, newest first, with request and response detail and the message's event type.", access: "read", query: ZListEndpointAttemptsQuery, responses: [ok("A page of attempts.", zPage(ZEndpointAttemptView))] },
  { operationId: "getTenantStats", method: "get", path: `${TENANT}/stats`, tag: "Tenants", summary: "Tenant statistics", description: "Attempts, success rate and latency percentiles of all the tenant's endpoints (from the per-minute and per-hour rollups) and messages published, over a range in buckets of a minute, an hour or a day; and the deliveries queued right now.", access: "read", query: ZTenantStatsQuery, responses: [ok("Totals, a continuous series and the queue.", ZTenantStats)] },

  // Messages
  {
    operationId: "publishMessage", method: "post", path: `${TENANT}/messages`, tag: "Messages", summary: "Publish a message",
    description: "Stored and queued for every enabled endpoint subscribed to its type before the answer. A repeated idempotency key (24 h) answers 200 with the original message.",
    access: "write", body: ZPublishMessage,
    headers: [{ name: "Idempotency-Key", schema: ZIdempotencyKey, description: "Same key, same message: a retry never publishes twice." }],
    responses: [{ status: 202, description: "Accepted and queued.", schema: ZPublishedMessage }, ok("The earlier message with this idempotency key.", ZPublishedMessage)],
  },
  { operationId: "publishMessages", method: "post", path: `${TENANT}/messages/batch`, tag: "Messages", summary: "Publish up to 100 messages at once", description: "All or nothing: one invalid message rejects the batch.", access: "write", body: ZPublishBatch, responses: [{ status: 202, description: "Accepted and queued.", schema: ZPublishedBatch }] },
  { operationId: "listMessages", method: "get", path: `${TENANT}/messages`, tag: "Messages", summary: "List messages", access: "read", query: ZListMessagesQuery, responses: [ok("A page of messages, newest first.", zPage(ZMessageSummary))] },
  { operationId: "getMessage", method: "get", path: MESSAGE, tag: "Messages", summary: "Get a message", description: "The payload and, per endpoint, its delivery's status.", access: "read", responses: [ok("The message.", ZMessageView)] },
  { operationId: "resendMessage", method: "post", path: `${MESSAGE}/resend`, tag: "Messages", summary: "Resend a message now", description: "A new attempt right away (trigger manual) to one endpoint or to every enabled endpoint the message went to; the retry history is left alone.", access: "write", body: ZResendMessage, bodyOptional: true, responses: [ok("Each try's outcome.", ZResendResult)] },
  { operationId: "listAttempts", method: "get", path: `${MESSAGE}/attempts`, tag: "Messages", summary: "List a message's delivery attempts", access: "read", query: ZListAttemptsQuery, responses: [ok("A page of attempts with request and response detail.", zPage(ZAttemptView))] },

  // System (operators)
  { operationId: "getSystemStatus", method: "get", path: "/system", tag: "System", summary: "System status", description: "The queue right now (due, scheduled retries, sending), the oldest due delivery, deliveries of the last 24 hours by status, attempts per minute over the last hour, the workers with their last heartbeat (stale ones flagged) and the failing endpoints.", access: "platform", responses: [ok("The status.", ZSystemStatus)] },
  { operationId: "listTenantUsage", method: "get", path: "/system/tenants", tag: "System", summary: "List tenants with usage", description: "Each tenant with its number of endpoints, messages published in the last 24 hours and members.", access: "platform", query: ZListTenantsQuery, responses: [ok("A page of tenants with usage counts.", zPage(ZTenantUsageView))] },

  // The document itself
  { operationId: "getOpenApiDocument", method: "get", path: "/openapi.json", tag: "Docs", summary: "This document", description: "OpenAPI 3.1, with a `webhooks` section generated from the event-type catalog.", access: "public", responses: [ok("The OpenAPI document.", z.record(z.string(), z.unknown()))] },
];
