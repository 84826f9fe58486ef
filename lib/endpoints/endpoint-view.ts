// What the API and the dashboard show of an endpoint: never the encrypted columns, never a
// secret (that has its own, separately authorised route).
import type { Endpoint } from "@/lib/generated/prisma/client";

export interface EndpointView {
  id: string;
  tenantId: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: "enabled" | "disabled";
  disabledReason: string | null;
  disabledAt: string | null;
  hasCustomHeaders: boolean;
  authType: "basic" | "bearer" | "oauth2" | null;
  rateLimit: number | null;
  maxConcurrency: number | null;
  timeoutMs: number | null;
  failingSince: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toEndpointView(endpoint: Endpoint): EndpointView {
  return {
    id: endpoint.id,
    tenantId: endpoint.tenantId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    status: endpoint.disabledAt ? "disabled" : "enabled",
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    hasCustomHeaders: endpoint.headersEnc !== null,
    authType: (endpoint.authType as EndpointView["authType"]) ?? null,
    rateLimit: endpoint.rateLimit,
    maxConcurrency: endpoint.maxConcurrency,
    timeoutMs: endpoint.timeoutMs,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    lastSuccessAt: endpoint.lastSuccessAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
