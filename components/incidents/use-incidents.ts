"use client";
// Incidents and health alerts (GET /tenants/{t}/incidents), resolving one by hand, and the
// backlog per endpoint (GET /tenants/{t}/backlog, …/endpoints/{e}/backlog).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { endpointKeys, endpointParams } from "@/components/endpoints/endpoint-keys";
import { statsQueryFor, type TimeRange } from "@/components/stats/time-ranges";
import { useMinute } from "@/components/stats/use-minute";
import { useMutationWithToast } from "@/components/ui/use-mutation-with-toast";
import type { TEndpointBacklogQuery, TListIncidentsQuery } from "@/lib/schemas/incidents";

export type Incident = Schemas["Incident"];
export type EndpointBacklogNow = Schemas["TenantBacklog"]["data"][number];
export type IncidentsQuery = Pick<TListIncidentsQuery, "status" | "endpointId"> & { limit?: number };

export const incidentKeys = {
  all: (tenantId: string) => ["tenants", tenantId, "incidents"] as const,
  list: (tenantId: string, query: IncidentsQuery) => [...incidentKeys.all(tenantId), query] as const,
};

export function useIncidents(tenantId: string, query: IncidentsQuery) {
  return useQuery({
    queryKey: incidentKeys.list(tenantId, query),
    queryFn: () => unwrap(api.GET("/tenants/{tenant}/incidents", { params: { path: { tenant: tenantId }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useResolveIncident(tenantId: string) {
  return useMutationWithToast({
    mutationFn: (incidentId: string) =>
      unwrap(
        api.POST("/tenants/{tenant}/incidents/{incident}/resolve", {
          params: { path: { tenant: tenantId, incident: incidentId } },
        }),
      ),
    invalidates: [incidentKeys.all(tenantId)],
    success: () => "Incident resolved.",
    failure: "Could not resolve the incident.",
  });
}

export function useTenantBacklog(tenantId: string) {
  return useQuery({
    queryKey: [...endpointKeys.all(tenantId), "backlog"],
    queryFn: () => unwrap(api.GET("/tenants/{tenant}/backlog", { params: { path: { tenant: tenantId } } })),
    refetchInterval: 10_000,
  });
}

export function useEndpointBacklog(tenantId: string, endpointId: string, range: TimeRange) {
  const query: TEndpointBacklogQuery = { from: statsQueryFor(range, useMinute()).from };
  return useQuery({
    queryKey: [...endpointKeys.one(tenantId, endpointId), "backlog", query],
    queryFn: () =>
      unwrap(
        api.GET("/tenants/{tenant}/endpoints/{endpoint}/backlog", {
          params: { ...endpointParams(tenantId, endpointId), query: { from: query.from } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
