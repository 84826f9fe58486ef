// One valid request per documented operation (keyed by operationId), built for a given tenant
// of the world. Destructive operations get fresh objects on every call, so the same case can be
// sent by every role. test/integration/api/* walk this table; it must cover every operation.
import { OPERATIONS, type ApiOperation } from "@/lib/openapi";
import { setOperationsEndpoint } from "@/lib/operational-webhooks/operations-endpoint";
import {
  freshEndpoint,
  freshIncident,
  freshInvite,
  freshMember,
  keyIdOf,
  unique,
  type TenantWorld,
  type World,
} from "./api-world";
import { createApiKey, createTestEndpoint, createTestEventType } from "./fixtures";

export interface CaseRequest {
  params: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
}

type CaseBuilder = (world: World, tenant: TenantWorld) => Promise<CaseRequest> | CaseRequest;

const t = (tenant: TenantWorld) => ({ tenant: tenant.id });
const e = (tenant: TenantWorld) => ({ tenant: tenant.id, endpoint: tenant.endpointId });

async function freshPollingEndpoint(tenantId: string): Promise<{ id: string; token: string }> {
  const endpoint = await createTestEndpoint(tenantId, { type: "polling" });
  return { id: endpoint.id, token: endpoint.pollingToken! };
}

export const CASES: Record<string, CaseBuilder> = {
  listTenants: () => ({ params: {} }),
  createTenant: () => ({ params: {}, body: { name: unique("Tenant ") } }),
  getTenant: (_, tenant) => ({ params: t(tenant) }),
  updateTenant: (_, tenant) => ({ params: t(tenant), body: { name: unique("Renamed ") } }),
  listMembers: (_, tenant) => ({ params: t(tenant) }),
  updateMember: async (_, tenant) => ({
    params: { ...t(tenant), user: await freshMember(tenant.id) },
    body: { role: "admin" },
  }),
  removeMember: async (_, tenant) => ({ params: { ...t(tenant), user: await freshMember(tenant.id) } }),
  listInvites: (_, tenant) => ({ params: t(tenant) }),
  createInvite: (_, tenant) => ({
    params: t(tenant),
    body: { email: `${unique("new")}@example.test`, role: "viewer" },
  }),
  createPortalAccess: (_, tenant) => ({
    params: t(tenant),
    body: { role: "viewer", expiresIn: 60, user: { id: "platform-user-1", email: "pat@platform.example" } },
  }),
  listAuditEvents: (_, tenant) => ({ params: t(tenant) }),
  revokeInvite: async (_, tenant) => ({ params: { ...t(tenant), invite: await freshInvite(tenant.id) } }),

  listApiKeys: (_, tenant) => ({ params: {}, query: { tenantId: tenant.id } }),
  createApiKey: (_, tenant) => ({ params: {}, body: { name: "ci", tenantId: tenant.id, role: "viewer" } }),
  getApiKey: (_, tenant) => ({ params: { key: tenant.apiKeyId } }),
  revokeApiKey: async (_, tenant) => ({
    params: { key: await keyIdOf(await createApiKey({ tenantId: tenant.id, role: "viewer" })) },
  }),

  listEventTypes: () => ({ params: {} }),
  createEventType: () => ({
    params: {},
    body: { name: unique("case.created"), schema: { type: "object" }, example: {} },
  }),
  getEventType: (world) => ({ params: { name: world.eventType } }),
  updateEventType: (world) => ({ params: { name: world.eventType }, body: { description: unique("described ") } }),
  archiveEventType: async () => ({ params: { name: await freshEventTypeName() } }),
  unarchiveEventType: async () => ({ params: { name: await freshEventTypeName() } }),
  getOperationsEndpoint: async () => {
    await setOperationsEndpoint({ url: "http://127.0.0.1:9/operations" });
    return { params: {} };
  },
  setOperationsEndpoint: () => ({ params: {}, body: { url: "http://127.0.0.1:9/operations" } }),
  removeOperationsEndpoint: async () => {
    await setOperationsEndpoint({ url: "http://127.0.0.1:9/operations" });
    return { params: {} };
  },

  listEndpoints: (_, tenant) => ({ params: t(tenant) }),
  createEndpoint: (_, tenant) => ({ params: t(tenant), body: { url: "http://127.0.0.1:9/new" } }),
  getEndpoint: (_, tenant) => ({ params: e(tenant) }),
  updateEndpoint: (_, tenant) => ({ params: e(tenant), body: { description: unique("changed ") } }),
  deleteEndpoint: async (_, tenant) => ({ params: { ...t(tenant), endpoint: await freshEndpoint(tenant.id) } }),
  enableEndpoint: (_, tenant) => ({ params: e(tenant) }),
  disableEndpoint: async (_, tenant) => ({
    params: { ...t(tenant), endpoint: await freshEndpoint(tenant.id) },
    body: { reason: "maintenance" },
  }),
  getEndpointSecret: (_, tenant) => ({ params: e(tenant) }),
  rotateEndpointSecret: async (_, tenant) => ({ params: { ...t(tenant), endpoint: await freshEndpoint(tenant.id) } }),
  getEndpointHeaders: (_, tenant) => ({ params: e(tenant) }),
  recoverEndpoint: (_, tenant) => ({
    params: e(tenant),
    body: { since: new Date(Date.now() - 3_600_000).toISOString() },
  }),
  sendTestEvent: (world, tenant) => ({ params: e(tenant), body: { eventType: world.eventType } }),
  previewTransformation: (world, tenant) => ({
    params: t(tenant),
    body: {
      transformation: { language: "jsonata", expression: '{"id": data.id}' },
      input: { type: world.eventType, data: { id: "inv_1" } },
    },
  }),
  getEndpointStats: (_, tenant) => ({ params: e(tenant), query: { granularity: "hour" } }),
  replaceEndpointHeaders: (_, tenant) => ({ params: e(tenant), body: { headers: { "x-team": "payments" } } }),
  listEndpointHealth: (_, tenant) => ({ params: t(tenant), query: { endpoints: tenant.endpointId } }),
  listEndpointAttempts: (_, tenant) => ({ params: e(tenant) }),
  testEndpointFilter: (world, tenant) => ({
    params: t(tenant),
    body: { filter: { "customer.country": "DE", n: { $gte: 1 } }, eventTypes: [world.eventType] },
  }),
  listBlockedKeys: (_, tenant) => ({ params: e(tenant) }),
  listIncidents: (_, tenant) => ({ params: t(tenant), query: { status: "open" } }),
  resolveIncident: async (_, tenant) => ({ params: { ...t(tenant), incident: await freshIncident(tenant.id) } }),
  getTenantBacklog: (_, tenant) => ({ params: t(tenant) }),
  getEndpointBacklog: (_, tenant) => ({ params: e(tenant) }),
  getTenantStats: (_, tenant) => ({ params: t(tenant), query: { granularity: "hour" } }),

  publishMessage: (world, tenant) => ({ params: t(tenant), body: { eventType: world.eventType, payload: { n: 1 } } }),
  publishMessages: (world, tenant) => ({
    params: t(tenant),
    body: { messages: [{ eventType: world.eventType, payload: { n: 2 } }] },
  }),
  listMessages: (_, tenant) => ({ params: t(tenant) }),
  getMessage: (_, tenant) => ({ params: { ...t(tenant), message: tenant.messageId } }),
  resendMessage: (_, tenant) => ({
    params: { ...t(tenant), message: tenant.messageId },
    body: { endpointId: tenant.endpointId },
  }),
  listAttempts: (_, tenant) => ({ params: { ...t(tenant), message: tenant.messageId } }),

  getSystemStatus: () => ({ params: {} }),
  listTenantUsage: () => ({ params: {} }),

  getOpenApiDocument: () => ({ params: {} }),
  pollMessages: async (_, tenant) => ({ params: { pollingToken: (await freshPollingEndpoint(tenant.id)).token } }),
  rotatePollingToken: async (_, tenant) => ({
    params: { ...t(tenant), endpoint: (await freshPollingEndpoint(tenant.id)).id },
  }),
};

async function freshEventTypeName(): Promise<string> {
  const name = unique("case.archivable");
  await createTestEventType({ name });
  return name;
}

/** `/tenants/{tenant}/endpoints/{endpoint}` → the route module's key under app/api/v1. */
export function routeFileOf(operation: Pick<ApiOperation, "path">): string {
  return `/app/api/v1${operation.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
}

export function operationById(operationId: string): ApiOperation {
  const operation = OPERATIONS.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  return operation;
}
