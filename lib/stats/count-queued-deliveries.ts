// The tenant's live queue for the overview, polled every few seconds by every open dashboard,
// so it must stay cheap with a big backlog: each status is counted through the
// (tenant_id, endpoint_id, status, id) index, one endpoint at a time (the tenant's endpoints
// come first, as an array), and stops at QUEUE_COUNT_CAP rows.
import "server-only";
import { pool } from "@/lib/db";

export const QUEUE_COUNT_CAP = 10_000;

export interface QueueCounts {
  pending: number;
  sending: number;
  /** True when a count stopped at QUEUE_COUNT_CAP. */
  capped: boolean;
}

export async function countQueuedDeliveries(tenantId: string): Promise<QueueCounts> {
  const { rows } = await pool().query<{ pending: number; sending: number }>(
    `WITH mine AS (SELECT array_agg(id) AS ids FROM endpoints WHERE tenant_id = $1)
     SELECT (SELECT count(*)::int FROM (SELECT 1 FROM deliveries, mine
                                         WHERE tenant_id = $1 AND endpoint_id = ANY(mine.ids) AND status = 'pending' LIMIT $2) p) AS pending,
            (SELECT count(*)::int FROM (SELECT 1 FROM deliveries, mine
                                         WHERE tenant_id = $1 AND endpoint_id = ANY(mine.ids) AND status = 'sending' LIMIT $2) s) AS sending`,
    [tenantId, QUEUE_COUNT_CAP],
  );
  const { pending, sending } = rows[0] ?? { pending: 0, sending: 0 };
  return { pending, sending, capped: pending >= QUEUE_COUNT_CAP || sending >= QUEUE_COUNT_CAP };
}
