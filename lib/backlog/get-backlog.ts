// The backlog per endpoint: what is queued right now (due, scheduled for a later retry, in
// flight) and the age of the oldest pending delivery, counted live over the
// (tenant_id, endpoint_id, status, id) index one endpoint at a time, so a tenant's settled
// deliveries are never read; and its history from the per-minute samples (sample-backlog.ts).
import "server-only";
import { pool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
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

/** One endpoint's queue now, and per bucket of [from, to) (default: the last 24 hours) the largest sample (0: none). */
export async function getEndpointBacklog(
  tenantId: string,
  endpointId: string,
  range: { from?: Date; to?: Date },
): Promise<TEndpointBacklog> {
  const to = range.to ?? new Date();
  const from = range.from ?? new Date(to.getTime() - 24 * 3_600_000);
  if (from >= to)
    throw new AppError("validation_failed", "`from` must be before `to`.", [
      { path: "from", message: "must be before to" },
    ]);
  const { rows } = await pool().query<TEndpointBacklogNow>(LIVE_SQL, [tenantId, endpointId]);
  if (!rows[0]) throw notFound("Endpoint");
  const minutes = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));
  const bucketMinutes = Math.max(1, Math.ceil(minutes / MAX_POINTS));
  // Every bucket of the range, 0 where no sample falls (nothing was queued then).
  const { rows: series } = await pool().query<{
    minute: Date;
    due: number;
    scheduled: number;
    sending: number;
    oldestPendingSeconds: number;
  }>(
    `SELECT b.start AS minute, coalesce(max(s.due), 0)::int AS due, coalesce(max(s.scheduled), 0)::int AS scheduled,
            coalesce(max(s.sending), 0)::int AS sending, coalesce(max(s.oldest_pending_seconds), 0)::int AS "oldestPendingSeconds"
       FROM generate_series($2::timestamptz, $3::timestamptz - interval '1 millisecond', make_interval(mins => $4)) AS b(start)
       LEFT JOIN endpoint_backlog s
         ON s.endpoint_id = $1 AND s.tenant_id = $5 AND s.minute >= b.start AND s.minute < b.start + make_interval(mins => $4)
        AND s.minute < $3
      GROUP BY b.start ORDER BY b.start`,
    [endpointId, from, to, bucketMinutes, tenantId],
  );
  return { now: rows[0], series: series.map((point) => ({ ...point, minute: point.minute.toISOString() })) };
}
