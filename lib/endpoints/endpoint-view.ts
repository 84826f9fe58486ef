// What the API and the dashboard show of an endpoint: never the encrypted columns, never a
// secret (that has its own, separately authorised route). The shape is ZEndpointView, the
// schema the OpenAPI document publishes.
import type { z } from "zod";
import type { Endpoint } from "@/lib/generated/prisma/client";
import type { ZEndpointView } from "@/lib/schemas/endpoints";
import { egressView } from "./endpoint-egress";
import { routingView } from "./endpoint-routing";
import { scheduleFromMs } from "@/lib/queue/retry-schedule";

export type EndpointView = z.infer<typeof ZEndpointView>;

export function toEndpointView(endpoint: Endpoint): EndpointView {
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    type: endpoint.type === "polling" ? "polling" : "webhook",
    url: endpoint.url,
    name: endpoint.name,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    status: endpoint.disabledAt ? "disabled" : "enabled",
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    hasCustomHeaders: endpoint.headersEnc !== null,
    authType: (endpoint.authType as EndpointView["authType"]) ?? null,
    signatureScheme: endpoint.signatureScheme === "v1a" ? "v1a" : "v1",
    rateLimit: endpoint.rateLimit,
    maxConcurrency: endpoint.maxConcurrency,
    timeoutMs: endpoint.timeoutMs,
    ...routingView(endpoint),
    retrySchedule: scheduleFromMs(endpoint.retrySchedule),
    transformation: (endpoint.transformation as EndpointView["transformation"]) ?? null,
    ...egressView(endpoint),
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    lastSuccessAt: endpoint.lastSuccessAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
