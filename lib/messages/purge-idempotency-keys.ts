import "server-only";
import { pool } from "@/lib/db";

/** Forgets idempotency keys older than the window, in bounded batches. */
export async function purgeIdempotencyKeys(windowMs: number, limit = 5_000): Promise<number> {
  const { rowCount } = await pool().query(
    `DELETE FROM idempotency_keys WHERE ctid IN (
       SELECT ctid FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1 / 1000.0) LIMIT $2)`,
    [windowMs, limit],
  );
  return rowCount ?? 0;
}
