"use client";
// The tenant's numbers from GET /tenants/{t}/stats: the overview's charts over the picked
// range (refreshed every 30 s), and the live queue, polled every 3 s over the last 5 minutes
// (a small query: five minutes of rollups and messages, and the capped queue count).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { statsQueryFor, type TimeRange } from "@/components/stats/time-ranges";
import { useMinute } from "@/components/stats/use-minute";
import { apiFetch } from "@/client/api-fetch";
import type { TTenantStatsQuery, ZTenantStats } from "@/lib/schemas/stats";
import { liveQueueQuery, tenantStatsKey } from "./tenant-stats-keys";

export type TenantStats = z.infer<typeof ZTenantStats>;

function useTenantStatsQuery(tenantId: string, query: TTenantStatsQuery, refetchInterval: number) {
  return useQuery({
    queryKey: tenantStatsKey(tenantId, query),
    queryFn: () => apiFetch<TenantStats>(`/api/v1/tenants/${tenantId}/stats`, { query: { ...query } }),
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
