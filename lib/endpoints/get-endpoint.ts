import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Endpoint } from "@/lib/generated/prisma/client";
import { toEndpointView, type EndpointView } from "./endpoint-view";

/** An endpoint as stored (secrets sealed): for server code that needs more than the view. */
export type EndpointRow = Endpoint;

/** The endpoint's row, scoped by tenant: another tenant's endpoint is simply not found. */
export async function getEndpointOrThrow(tenantId: string, endpointId: string): Promise<Endpoint> {
  const endpoint = await db().endpoint.findFirst({ where: { id: endpointId, tenantId } });
  if (!endpoint) throw notFound("Endpoint");
  return endpoint;
}

export async function getEndpoint(tenantId: string, endpointId: string): Promise<EndpointView> {
  return toEndpointView(await getEndpointOrThrow(tenantId, endpointId));
}
