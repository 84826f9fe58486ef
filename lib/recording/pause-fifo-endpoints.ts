// FIFO endpoints with `fifoOnFailure: "pause"`: when the head of a key finally fails, the
// endpoint is disabled (reason fifo_head_failed) in the transaction that records the failure,
// before any worker can claim the next delivery of that key. What it still had queued fails
// visibly, like any disable; after fixing the receiver, enable it and "recover" the failed
// deliveries: they go back in their original order (the claim sends the oldest of a key first).
import "server-only";
import type pg from "pg";
import { failPendingDeliveries } from "@/lib/queue/fail-pending-deliveries";
import type { OperationalEvent } from "@/lib/operational-webhooks/emit-operational-events";

export const FIFO_HEAD_FAILED = "fifo_head_failed";

/** Disables the pausing FIFO endpoints among `endpointIds`; returns their endpoint.disabled events. */
export async function pauseFifoEndpoints(
  client: pg.PoolClient,
  endpointIds: readonly string[],
): Promise<OperationalEvent[]> {
  if (!endpointIds.length) return [];
  // Endpoints rows are locked in id order, as everywhere in the recording transaction (FOR NO KEY
  // UPDATE: publishes' foreign-key checks on these rows go on; lib/recording/update-endpoint-health.ts).
  const { rows } = await client.query<{ id: string; tenant_id: string; url: string; disabled_at: Date }>({
    name: "hookline_pause_fifo_endpoints",
    text: `WITH locked AS MATERIALIZED (
             SELECT id FROM endpoints
              WHERE id = ANY($1::text[]) AND ordering = 'fifo' AND fifo_on_failure = 'pause' AND disabled_at IS NULL
              ORDER BY id FOR NO KEY UPDATE
           )
           UPDATE endpoints e SET disabled_at = now(), disabled_reason = $2, updated_at = now()
             FROM locked WHERE e.id = locked.id
           RETURNING e.id, e.tenant_id, e.url, e.disabled_at`,
    values: [[...new Set(endpointIds)].sort(), FIFO_HEAD_FAILED],
  });
  for (const row of rows)
    await failPendingDeliveries(client, row.tenant_id, row.id, "endpoint disabled: the head of a FIFO key failed");
  return rows.map((row) => ({
    type: "endpoint.disabled" as const,
    tenantId: row.tenant_id,
    payload: { endpointId: row.id, url: row.url, reason: FIFO_HEAD_FAILED, disabledAt: row.disabled_at.toISOString() },
  }));
}
