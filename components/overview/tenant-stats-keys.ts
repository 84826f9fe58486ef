// The overview's stats queries and their react-query keys, shared by the hooks (browser) and
// the page's prefetch (server), so both name the same request.
import type { TTenantStatsQuery } from "@/lib/schemas/stats";

export const tenantStatsKey = (tenantId: string, query: TTenantStatsQuery) =>
  ["tenants", tenantId, "stats", query] as const;

const LIVE_WINDOW_MS = 5 * 60_000;

/** The live queue tile's query: the last five minutes, per minute, from the current `minute`. */
export function liveQueueQuery(minute: number): TTenantStatsQuery {
  return { from: new Date(minute + 60_000 - LIVE_WINDOW_MS).toISOString(), granularity: "minute" };
}
