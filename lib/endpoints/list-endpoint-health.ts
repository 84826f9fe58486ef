// The endpoint table's health column: per endpoint, the last 24 hours from the rollups
// (success rate, p95; 23 hourly rows and up to two hours of minute rows each) and its latest
// attempt. Asked for a page of the list at a time, so the cost is bounded by the page: the
// rollups through their primary keys (endpoint_id, hour|minute), the latest attempt through
// (tenant_id, endpoint_id, id), one index probe per endpoint. Never a scan of attempts.
import "server-only";
import type { z } from "zod";
import { pool } from "@/lib/db";
import type { ZEndpointHealthList, ZEndpointHealthQuery } from "@/lib/schemas/endpoints";
import { sumRollupsByEndpoint } from "@/lib/stats/sum-rollups";
import { summarize } from "@/lib/stats/summarize-stats";

export type EndpointHealthList = z.infer<typeof ZEndpointHealthList>;

const WINDOW_MS = 24 * 3_600_000;

interface LastAttemptRow {
  endpoint_id: string;
  attempt_id: string | null;
  started_at: Date | null;
  response_status: number | null;
  error_kind: string | null;
}

export async function listEndpointHealth(
  tenantId: string,
  query: z.output<typeof ZEndpointHealthQuery>,
  now = new Date(),
): Promise<EndpointHealthList> {
  const from = new Date(now.getTime() - WINDOW_MS);
  // The tenant's own endpoints among those asked for, each with its latest attempt.
  const { rows } = await pool().query<LastAttemptRow>(
    `SELECT e.id AS endpoint_id, a.id AS attempt_id, a.started_at, a.response_status, a.error_kind
       FROM endpoints e
       LEFT JOIN LATERAL (
         SELECT id, started_at, response_status, error_kind FROM attempts
          WHERE tenant_id = e.tenant_id AND endpoint_id = e.id
          ORDER BY id DESC LIMIT 1
       ) a ON true
      WHERE e.tenant_id = $1 AND e.id = ANY($2::text[])
      ORDER BY e.id DESC`,
    [tenantId, [...new Set(query.endpoints)]],
  );
  const endpointIds = rows.map((row) => row.endpoint_id);
  const sums = endpointIds.length ? await sumRollupsByEndpoint({ tenantId, endpointIds, from, to: now }) : new Map();
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    data: rows.map((row) => ({
      endpointId: row.endpoint_id,
      stats: summarize(sums.get(row.endpoint_id) ?? { succeeded: 0, failed: 0, latencySumMs: 0, histogram: [] }),
      lastAttempt:
        row.attempt_id && row.started_at
          ? {
              id: row.attempt_id,
              startedAt: row.started_at.toISOString(),
              status: row.response_status,
              errorKind: row.error_kind,
            }
          : null,
    })),
  };
}
