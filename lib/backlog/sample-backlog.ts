// Once a minute (the maintenance loop, one worker at a time) the queue of every endpoint that
// has one is written to endpoint_backlog, for the endpoint page's backlog chart and the
// "backlog growing" alert. One grouped read over the partial indexes of pending and sending
// rows (the queue, never the settled history); endpoints with nothing queued get no row.
import "server-only";
import { withAdvisoryLock } from "@/lib/db";

/** The advisory lock that keeps sampling to one worker at a time. */
export const BACKLOG_SAMPLE_LOCK = 7_297_103_384_224;

/** How long samples are kept: the endpoint page's longest range (7 days), and a day to spare. */
export const BACKLOG_RETENTION_DAYS = 8;

/** Samples the current minute (a minute already sampled is left alone). Returns the rows written, or null when another worker held the lock. */
export async function sampleBacklog(): Promise<number | null> {
  let written = 0;
  const ran = await withAdvisoryLock(BACKLOG_SAMPLE_LOCK, async (client) => {
    const { rowCount } = await client.query(
      `INSERT INTO endpoint_backlog (endpoint_id, minute, tenant_id, due, scheduled, sending, oldest_pending_seconds)
       SELECT endpoint_id, date_trunc('minute', now()), tenant_id,
              count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= now()),
              count(*) FILTER (WHERE status = 'pending' AND next_attempt_at > now()),
              count(*) FILTER (WHERE status = 'sending'),
              coalesce(floor(extract(epoch FROM now() - min(created_at))), 0)
         FROM deliveries WHERE status IN ('pending', 'sending')
        GROUP BY tenant_id, endpoint_id
       ON CONFLICT (endpoint_id, minute, tenant_id) DO NOTHING`,
    );
    written = rowCount ?? 0;
    await client.query(`DELETE FROM endpoint_backlog WHERE minute < now() - make_interval(days => $1)`, [
      BACKLOG_RETENTION_DAYS,
    ]);
  });
  return ran ? written : null;
}
