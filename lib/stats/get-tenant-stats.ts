// The tenant overview's numbers: attempts, success rate and latency percentiles over time for
// all the tenant's endpoints together (its own hourly rollup for whole hours, the endpoints'
// minute rows for the ragged edges: sum-rollups.ts), the messages published per bucket (stored
// per closed hour, counted for the rest: count-messages-per-bucket.ts), and the live queue.
import "server-only";
import type { z } from "zod";
import { countMessagesPerBucket } from "@/lib/stats/count-messages-per-bucket";
import type { ZTenantStats, ZTenantStatsQuery } from "@/lib/schemas/stats";
import { countQueuedDeliveries } from "./count-queued-deliveries";
import { getEndpointStats } from "./get-endpoint-stats";

export type TenantStats = z.infer<typeof ZTenantStats>;

const DEFAULT_RANGE_MS = 24 * 3_600_000;

export async function getTenantStats(
  tenantId: string,
  query: z.output<typeof ZTenantStatsQuery>,
): Promise<TenantStats> {
  const to = query.to ?? new Date();
  const from = query.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  const stats = await getEndpointStats({ tenantId, from, to, granularity: query.granularity });
  // The series' bucket starts, then the range's end: the edges the messages are counted in.
  const edges = [...stats.series.map((point) => new Date(point.time)), new Date(stats.to)];
  const [messages, queue] = await Promise.all([
    countMessagesPerBucket(tenantId, edges),
    countQueuedDeliveries(tenantId),
  ]);
  return {
    ...stats,
    totals: { ...stats.totals, messages: messages.reduce((sum, count) => sum + count, 0) },
    series: stats.series.map((point, index) => ({ ...point, messages: messages[index] ?? 0 })),
    queue,
  };
}
