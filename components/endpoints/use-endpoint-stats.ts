"use client";
// One endpoint's charts over the picked range, from GET …/endpoints/{e}/stats (per-minute
// rollups). Refreshed every 30 s; the previous range stays on screen while a new one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { statsQueryFor, type TimeRange } from "@/components/stats/time-ranges";
import { useMinute } from "@/components/stats/use-minute";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import { endpointKeys, endpointParams } from "./endpoint-keys";

export type EndpointStats = Schemas["EndpointStats"];

export function useEndpointStats(tenantId: string, endpointId: string, range: TimeRange) {
  const query = statsQueryFor(range, useMinute());
  return useQuery({
    queryKey: endpointKeys.stats(tenantId, endpointId, query),
    queryFn: () =>
      unwrap(
        api.GET("/tenants/{tenant}/endpoints/{endpoint}/stats", {
          params: { ...endpointParams(tenantId, endpointId), query },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
