// The blocked keys of a FIFO endpoint: keys whose head (oldest unsettled delivery) has been
// tried and failed, so everything behind it waits. One pass over deliveries_fifo_head_idx
// (only unsettled FIFO rows), at most 100 keys, the longest-blocked first.
import "server-only";
import type { z } from "zod";
import { pool } from "@/lib/db";
import type { ZBlockedKey } from "@/lib/schemas/routing";
import { getEndpointOrThrow } from "./get-endpoint";

type BlockedKey = z.infer<typeof ZBlockedKey>;

interface Row {
  ordering_key: string;
  waiting: number;
  id: string;
  message_id: string;
  event_type: string;
  message_created_at: Date;
  status: "pending" | "sending";
  attempt_count: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
}

export async function listBlockedKeys(tenantId: string, endpointId: string): Promise<{ data: BlockedKey[] }> {
  await getEndpointOrThrow(tenantId, endpointId);
  const { rows } = await pool().query<Row>(
    `WITH unsettled AS (
       SELECT ordering_key, id FROM deliveries
        WHERE endpoint_id = $2 AND tenant_id = $1 AND ordering_key IS NOT NULL AND status IN ('pending', 'sending')
     ), heads AS (
       SELECT ordering_key, min(id) AS id, count(*)::int AS waiting FROM unsettled GROUP BY ordering_key
     )
     SELECT h.ordering_key, h.waiting, d.id, d.message_id, m.event_type, m.created_at AS message_created_at, d.status,
            d.attempt_count, d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error
       FROM heads h JOIN deliveries d ON d.id = h.id JOIN messages m ON m.id = d.message_id
      WHERE d.attempt_count > 0
      ORDER BY d.id LIMIT 100`,
    [tenantId, endpointId],
  );
  return {
    data: rows.map((row) => ({
      orderingKey: row.ordering_key === "" ? null : row.ordering_key,
      waiting: row.waiting,
      head: {
        deliveryId: row.id,
        messageId: row.message_id,
        eventType: row.event_type,
        createdAt: row.message_created_at.toISOString(),
        status: row.status,
        attemptCount: row.attempt_count,
        nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
      },
      lastAttempt: {
        at: row.last_attempt_at?.toISOString() ?? null,
        statusCode: row.last_status_code,
        error: row.last_error,
      },
    })),
  };
}
