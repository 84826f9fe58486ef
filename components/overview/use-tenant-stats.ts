"use client";
// The tenant's numbers from GET /tenants/{t}/stats: the overview's charts over the picked
// range (refreshed every 30 s), and the live queue, polled every 3 s over the last 5 minutes
// (a small query: five minutes of rollups and messages, and the capped queue count).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { statsQueryFor, type TimeRange } from "@/components/stats/time-ranges";
import { useMinute } from "@/components/stats/use-minute";
import { api, unwrap, type Schemas } from "@/client/browser-api";
import type { TTenantStatsQuery } from "@/lib/schemas/stats";
import { liveQueueQuery, tenantStatsKey } from "./tenant-stats-keys";

export type TenantStats = Schemas["TenantStats"];

function useTenantStatsQuery(tenantId: string, query: TTenantStatsQuery, refetchInterval: number) {
  return useQuery({
    queryKey: tenantStatsKey(tenantId, query),
    queryFn: () => unwrap(api.GET("/tenants/{tenant}/stats", { params: { path: { tenant: tenantId }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

export function useTenantStats(tenantId: string, range: TimeRange) {
  return useTenantStatsQuery(tenantId, statsQueryFor(range, useMinute()), 30_000);
}

export function useLiveQueue(tenantId: string) {
  const minute = useMinute();
  return useTenantStatsQuery(tenantId, liveQueueQuery(minute), 3_000);
}
