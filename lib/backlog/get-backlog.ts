// The backlog per endpoint: what is queued right now (due, scheduled for a later retry, in
// flight) and the age of the oldest pending delivery, counted live over the
// (tenant_id, endpoint_id, status, id) index one endpoint at a time, so a tenant's settled
// deliveries are never read; and its history from the per-minute samples (sample-backlog.ts).
import "server-only";
import { pool } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TEndpointBacklog, TEndpointBacklogNow } from "@/lib/schemas/incidents";

const LIVE_SQL = `SELECT e.id AS "endpointId", q.due, q.scheduled, q.sending, q.oldest AS "oldestPendingSeconds"
  FROM endpoints e
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE d.status = 'pending' AND d.next_attempt_at <= now())::int AS due,
           count(*) FILTER (WHERE d.status = 'pending' AND d.next_attempt_at > now())::int AS scheduled,
           count(*) FILTER (WHERE d.status = 'sending')::int AS sending,
           coalesce(floor(extract(epoch FROM now() - min(d.created_at))), 0)::int AS oldest
      FROM deliveries d
     WHERE d.tenant_id = e.tenant_id AND d.endpoint_id = e.id AND d.status IN ('pending', 'sending')
  ) q
 WHERE e.tenant_id = $1 AND ($2::text IS NULL OR e.id = $2)
 ORDER BY e.id`;

/** Every endpoint of the tenant with its queue now (zeros included). */
export async function getTenantBacklog(tenantId: string): Promise<{ data: TEndpointBacklogNow[] }> {
  const { rows } = await pool().query<TEndpointBacklogNow>(LIVE_SQL, [tenantId, null]);
  return { data: rows };
}

/** Points the chart gets at most: longer ranges take the largest sample of each bucket. */
const MAX_POINTS = 240;

/** One endpoint's queue now, and per bucket of [from, to) (default: the last 24 hours) the largest sample. */
export async function getEndpointBacklog(
  tenantId: string,
  endpointId: string,
  range: { from?: Date; to?: Date },
): Promise<TEndpointBacklog> {
  const to = range.to ?? new Date();
  const from = range.from ?? new Date(to.getTime() - 24 * 3_600_000);
  const { rows } = await pool().query<TEndpointBacklogNow>(LIVE_SQL, [tenantId, endpointId]);
  if (!rows[0]) throw notFound("Endpoint");
  const minutes = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));
  const bucketMinutes = Math.max(1, Math.ceil(minutes / MAX_POINTS));
  const { rows: series } = await pool().query<{
    minute: Date;
    due: number;
    scheduled: number;
    sending: number;
    oldestPendingSeconds: number;
  }>(
    `SELECT date_bin(make_interval(mins => $4), minute, $2::timestamptz) AS minute,
            max(due)::int AS due, max(scheduled)::int AS scheduled, max(sending)::int AS sending,
            max(oldest_pending_seconds)::int AS "oldestPendingSeconds"
       FROM endpoint_backlog
      WHERE endpoint_id = $1 AND tenant_id = $5 AND minute >= $2 AND minute < $3
      GROUP BY 1 ORDER BY 1`,
    [endpointId, from, to, bucketMinutes, tenantId],
  );
  return { now: rows[0], series: series.map((point) => ({ ...point, minute: point.minute.toISOString() })) };
}
