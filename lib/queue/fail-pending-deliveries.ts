// When an endpoint is disabled (410 Gone, too many failures, or by hand), what it still had
// queued fails visibly instead of waiting forever; "recover" re-queues it after re-enabling.
import "server-only";
import type pg from "pg";

export async function failPendingDeliveries(
  client: pg.PoolClient | pg.Pool,
  tenantId: string,
  endpointId: string,
  reason: string,
): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, last_error = $3
      WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'pending'`,
    [tenantId, endpointId, reason],
  );
  return rowCount ?? 0;
}
