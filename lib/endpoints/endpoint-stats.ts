// An endpoint's chart data: lib/stats/get-endpoint-stats.ts does the work; this checks that the
// endpoint is the tenant's (another tenant's id is a 404, not an empty chart) and fills in the
// default range, the last 24 hours.
import "server-only";
import type { z } from "zod";
import type { ZEndpointStatsQuery } from "@/lib/schemas/endpoints";
import { getEndpointStats, type EndpointStatsResult } from "@/lib/stats/get-endpoint-stats";
import { getEndpointOrThrow } from "./get-endpoint";

const DEFAULT_RANGE_MS = 24 * 3_600_000;

export async function getEndpointStatsFor(
  tenantId: string,
  endpointId: string,
  query: z.output<typeof ZEndpointStatsQuery>,
): Promise<EndpointStatsResult> {
  await getEndpointOrThrow(tenantId, endpointId);
  const to = query.to ?? new Date();
  const from = query.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  return getEndpointStats({ tenantId, endpointId, from, to, granularity: query.granularity });
}
