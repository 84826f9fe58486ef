// Lease bookkeeping. A claimed delivery belongs to its worker until lease_until; a worker keeps
// the leases of what it holds fresh, gives rows back when it stops, and any worker's maintenance
// loop returns the rows of a worker that died (its leases simply run out). All three are single
// idempotent statements, safe to run from every worker at once.
import "server-only";
import { pool } from "@/lib/db";
import { DELIVERIES_CHANNEL } from "./channel";

/**
 * Pushes the lease of every row `workerId` still holds `leaseMs` into the future, and returns the
 * ids it extended (a row missing from the answer is no longer this worker's, or is being settled).
 * Rows locked right now are skipped, never waited for: the lock is this worker's own result batch
 * settling them (record-attempts.ts), which locks the same rows in another order — waiting would
 * be a deadlock that PostgreSQL breaks only after deadlock_timeout (1 s), stalling the batch. A
 * skipped row is either settled by that batch or extended next round (every leaseMs / 3).
 */
export async function extendLeases(
  workerId: string,
  deliveryIds: readonly string[],
  leaseMs: number,
): Promise<string[]> {
  if (!deliveryIds.length) return [];
  const { rows } = await pool().query<{ id: string }>(
    `UPDATE deliveries d SET lease_until = now() + make_interval(secs => $3 / 1000.0)
      WHERE d.id IN (SELECT id FROM deliveries WHERE id = ANY($2::text[]) AND status = 'sending' AND lease_owner = $1 FOR UPDATE SKIP LOCKED)
        AND d.status = 'sending' AND d.lease_owner = $1
      RETURNING d.id`,
    [workerId, deliveryIds, leaseMs],
  );
  return rows.map((row) => row.id);
}

/** Gives rows back unsent (a stopping worker): due again at once, for any worker. */
export async function releaseDeliveries(workerId: string, deliveryIds: readonly string[]): Promise<number> {
  if (!deliveryIds.length) return 0;
  const { rowCount } = await pool().query(
    `WITH released AS (
       UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = now()
        WHERE id = ANY($2::text[]) AND status = 'sending' AND lease_owner = $1
       RETURNING 1)
     SELECT pg_notify($3, '') FROM (SELECT count(*) AS n FROM released) r WHERE r.n > 0`,
    [workerId, deliveryIds, DELIVERIES_CHANNEL],
  );
  return rowCount ?? 0;
}

/**
 * Returns every row workers known to be dead still hold (their supervisor saw the processes
 * exit, so no request of theirs can still be under way), without waiting for the leases to run out.
 */
export async function releaseLeasesOf(deadWorkerIds: readonly string[]): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `WITH released AS (
       UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = now()
        WHERE status = 'sending' AND lease_owner = ANY($1::text[])
       RETURNING 1)
     SELECT count(*)::int AS n FROM released`,
    [deadWorkerIds],
  );
  const released = rows[0]?.n ?? 0;
  if (released) await pool().query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  return released;
}

/**
 * Returns rows whose lease ran out (their worker died or lost the database) to the queue.
 * The try may or may not have reached the receiver: sending again is the at-least-once promise,
 * and receivers dedupe on webhook-id.
 */
export async function releaseExpiredLeases(limit = 5_000): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `WITH expired AS (
       SELECT id FROM deliveries WHERE status = 'sending' AND lease_until < now()
        ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED
     ), released AS (
       UPDATE deliveries d SET status = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = now()
         FROM expired WHERE d.id = expired.id RETURNING 1
     )
     SELECT count(*)::int AS n FROM released`,
    [limit],
  );
  const released = rows[0]?.n ?? 0;
  if (released) await pool().query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  return released;
}
