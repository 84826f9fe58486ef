"use client";
// One endpoint's charts over the picked range, from GET …/endpoints/{e}/stats (per-minute
// rollups). Refreshed every 30 s; the previous range stays on screen while a new one loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { statsQueryFor, type TimeRange } from "@/components/stats/time-ranges";
import { useMinute } from "@/components/stats/use-minute";
import { apiFetch } from "@/client/api-fetch";
import type { ZEndpointStats } from "@/lib/schemas/endpoints";
import { endpointKeys, endpointPath } from "./endpoint-keys";

export type EndpointStats = z.infer<typeof ZEndpointStats>;

export function useEndpointStats(tenantId: string, endpointId: string, range: TimeRange) {
  const query = statsQueryFor(range, useMinute());
  return useQuery({
    queryKey: endpointKeys.stats(tenantId, endpointId, query),
    queryFn: () => apiFetch<EndpointStats>(`${endpointPath(tenantId, endpointId)}/stats`, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
