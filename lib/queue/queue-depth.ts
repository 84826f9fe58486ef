import "server-only";
import { pool } from "@/lib/db";

export interface QueueDepth {
  pending: number;
  due: number;
  sending: number;
  /** How long the oldest due pending delivery has been waiting (0 when none is due). */
  oldestDueSeconds: number;
}

/** Unsettled deliveries, counted over the partial indexes on pending and sending rows. */
export async function queueDepth(): Promise<QueueDepth> {
  const { rows } = await pool().query<QueueDepth>(
    `SELECT (SELECT count(*)::int FROM deliveries WHERE status = 'pending') AS pending,
            (SELECT count(*)::int FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()) AS due,
            (SELECT count(*)::int FROM deliveries WHERE status = 'sending') AS sending,
            coalesce((SELECT extract(epoch FROM now() - min(next_attempt_at)) FROM deliveries WHERE status = 'pending' AND next_attempt_at <= now()), 0)::float AS "oldestDueSeconds"`,
  );
  return rows[0]!;
}
