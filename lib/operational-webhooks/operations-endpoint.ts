// The operator's operations endpoint: where Hookline sends its own events (endpoint disabled,
// enabled, failing; retries exhausted). It is an endpoint of the system tenant subscribed to the
// operational types; signed, retried and logged like any other. The operator reads its secret
// through the system tenant's ordinary endpoint routes.
import "server-only";
import { db } from "@/lib/db";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { toEndpointView, type EndpointView } from "@/lib/endpoints/endpoint-view";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { notFound } from "@/lib/errors";
import { ZCreateEndpoint } from "@/lib/schemas/endpoints";
import type { TSetOperationsEndpoint } from "@/lib/schemas/operations";
import { ensureOperationalEventTypes, OPERATIONAL_TYPE_NAMES } from "./operational-event-types";
import { ensureSystemTenant, SYSTEM_TENANT_ID } from "./system-tenant";

async function current() {
  return db().endpoint.findFirst({ where: { tenantId: SYSTEM_TENANT_ID }, orderBy: { id: "asc" } });
}

export async function getOperationsEndpoint(): Promise<EndpointView> {
  const endpoint = await current();
  if (!endpoint) throw notFound("Operations endpoint");
  return toEndpointView(endpoint);
}

/** Creates the operations endpoint, or points the existing one at a new URL. */
export async function setOperationsEndpoint(input: TSetOperationsEndpoint): Promise<EndpointView> {
  // Refuse a bad URL or secret before the system tenant and its types are written: a 4xx leaves nothing behind.
  checkEndpointUrl(ZCreateEndpoint.parse({ url: input.url, description: input.description, secret: input.secret }).url);
  await ensureSystemTenant();
  await ensureOperationalEventTypes();
  const existing = await current();
  if (existing)
    return updateEndpoint(null, SYSTEM_TENANT_ID, existing.id, {
      url: input.url,
      description: input.description,
      eventTypes: [...OPERATIONAL_TYPE_NAMES],
    });
  return createEndpoint(null, SYSTEM_TENANT_ID, {
    url: input.url,
    description: input.description ?? "Hookline operational events",
    secret: input.secret,
    eventTypes: [...OPERATIONAL_TYPE_NAMES],
  });
}

export async function removeOperationsEndpoint(): Promise<void> {
  const existing = await current();
  if (!existing) throw notFound("Operations endpoint");
  await deleteEndpoint(null, SYSTEM_TENANT_ID, existing.id);
}
