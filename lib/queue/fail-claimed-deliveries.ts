import "server-only";
import { pool } from "@/lib/db";

/**
 * Settles claimed rows that must not be sent at all (their endpoint was disabled after they were
 * queued): failed, with the reason, and no attempt, because nothing was tried.
 */
export async function failClaimedDeliveries(
  workerId: string,
  deliveryIds: readonly string[],
  reason: string,
): Promise<void> {
  if (!deliveryIds.length) return;
  await pool().query(
    `UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL, last_error = $3
      WHERE id = ANY($2::text[]) AND status = 'sending' AND lease_owner = $1`,
    [workerId, deliveryIds, reason],
  );
}
