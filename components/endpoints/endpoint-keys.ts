// The react-query keys of everything endpoint-shaped, each ending in the query object the API
// takes (the zod input types of lib/schemas), so a key is exactly the request it caches.
// Invalidating `endpointKeys.all(tenant)` refreshes every list, detail, chart and log.
import type {
  TEndpointHealthQuery,
  TEndpointStatsQuery,
  TListEndpointAttemptsQuery,
  TListEndpointsQuery,
} from "@/lib/schemas/endpoints";

/** A list query as the browser sends it: zod's coerced `limit` (input type unknown) as a number. */
export type ListQuery<Query> = Omit<Query, "limit"> & { limit?: number };

export const endpointKeys = {
  all: (tenantId: string) => ["tenants", tenantId, "endpoints"] as const,
  lists: (tenantId: string) => [...endpointKeys.all(tenantId), "list"] as const,
  list: (tenantId: string, query: ListQuery<TListEndpointsQuery>) => [...endpointKeys.lists(tenantId), query] as const,
  health: (tenantId: string, query: TEndpointHealthQuery) => [...endpointKeys.all(tenantId), "health", query] as const,
  one: (tenantId: string, endpointId: string) => [...endpointKeys.all(tenantId), "one", endpointId] as const,
  stats: (tenantId: string, endpointId: string, query: TEndpointStatsQuery) =>
    [...endpointKeys.one(tenantId, endpointId), "stats", query] as const,
  attempts: (tenantId: string, endpointId: string, query: ListQuery<TListEndpointAttemptsQuery>) =>
    [...endpointKeys.one(tenantId, endpointId), "attempts", query] as const,
  secret: (tenantId: string, endpointId: string) => [...endpointKeys.one(tenantId, endpointId), "secret"] as const,
};

/** The path params of one endpoint's operations (`/tenants/{tenant}/endpoints/{endpoint}/…`). */
export const endpointParams = (tenantId: string, endpointId: string) => ({
  path: { tenant: tenantId, endpoint: endpointId },
});
