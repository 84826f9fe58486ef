// Every operation of the REST API, in one list gathered from the catalog files of each noun: the
// OpenAPI document is generated from it and the route tests are driven by it. A route that is
// not listed here is not documented — and test/integration/api/route-catalog.test.ts fails
// until it is.
import type { z } from "zod";
import { ZApiKeyView, ZCreateApiKey, ZCreatedApiKey } from "@/lib/schemas/api-keys";
import {
  ZCreateEndpoint,
  ZDisableEndpoint,
  ZEndpointHeadersView,
  ZEndpointSecretView,
  ZEndpointView,
  ZEndpointStats,
  ZEndpointAttemptView,
  ZEndpointHealthList,
  ZRecoverEndpoint,
  ZRecoverResult,
  ZReplaceEndpointHeaders,
  ZRotateEndpointSecret,
  ZSendTestEvent,
  ZTestEventResult,
  ZUpdateEndpoint,
} from "@/lib/schemas/endpoints";
import { ZCreateEventType, ZEventTypeView, ZUpdateEventType } from "@/lib/schemas/event-types";
import {
  ZAttemptView,
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
  ZMemberView,
  ZTenantView,
  ZUpdateMember,
  ZUpdateTenant,
} from "@/lib/schemas/tenants";
import { ZTenantStats } from "@/lib/schemas/stats";
import { ZAuditEventView } from "@/lib/schemas/audit";
import { ZCreatePortalAccess, ZPortalAccess } from "@/lib/schemas/portal";
import { ZSystemStatus, ZTenantUsageView } from "@/lib/schemas/system";
import type { ApiOperation } from "./api-operation";
import * as apiKeys from "./api-keys";
import * as docs from "./docs";
import * as endpoints from "./endpoints";
import * as eventTypes from "./event-types";
import * as members from "./members";
import * as messages from "./messages";
import * as operationsEndpoint from "./operations-endpoint";
import * as portal from "./portal";
import * as system from "./system";
import * as tenants from "./tenants";

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

const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

/** By path, then method: the same order wherever it runs (a module namespace's key order is not). */
const byPath = (a: ApiOperation, b: ApiOperation) =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);

export const OPERATIONS: ApiOperation[] = [
  tenants,
  members,
  portal,
  apiKeys,
  eventTypes,
  operationsEndpoint,
  endpoints,
  messages,
  system,
  docs,
].flatMap((catalog) => (Object.values(catalog) as ApiOperation[]).sort(byPath));
