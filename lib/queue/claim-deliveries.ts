// Claiming work: the hot path of every worker, hand-written SQL because it must be one round
// trip. FOR UPDATE SKIP LOCKED lets any number of workers claim concurrently without waiting
// on each other or ever taking the same row; the claimed rows become `sending` with a lease,
// which the maintenance loop takes back if the worker dies (at-least-once, never lost).
// The same statement returns everything needed to send: the message text and the endpoint row.
import "server-only";
import { claimPool } from "@/lib/db";
import { ENDPOINT_ROW_SQL, toEndpointRow, type EndpointRow, type EndpointSqlRow } from "@/lib/sending/endpoint-row";
import type { TraceContext } from "@/lib/tracing/trace-context";

export type { EndpointRow };

export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  messageId: string;
  endpointId: string;
  attemptCount: number;
  scheduledTries: number;
  /** The retry delays fixed when it was created; null: the instance's HOOKLINE_RETRY_SCHEDULE. */
  retrySchedule: number[] | null;
  /** "recover" requeued it: its tries are `recovered`, not `scheduled`. */
  recovered: boolean;
  eventType: string;
  messageCreatedAt: Date;
  /** The payload's stored JSON text, exactly as published (never re-serialised). */
  payloadJson: string;
  /** The message's channels and tags, read only for an endpoint with a transformation (its input). */
  channels: string[] | null;
  tags: string[] | null;
  /** The publish's W3C trace context (lib/tracing/trace-context.ts), if it had one. */
  trace: TraceContext | null;
  endpoint: EndpointRow;
}

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  /** Endpoints this worker already has enough of in hand (slow or rate-limited receivers). */
  skipEndpointIds?: readonly string[];
}

interface Row extends EndpointSqlRow {
  id: string;
  tenant_id: string;
  message_id: string;
  attempt_count: number;
  scheduled_tries: number;
  retry_schedule: number[] | null;
  recovered: boolean;
  event_type: string;
  message_created_at: Date;
  payload: string;
  channels: string[] | null;
  tags: string[] | null;
  traceparent: string | null;
  tracestate: string | null;
}

// The inner SELECT walks the partial index deliveries_due_idx (pending, by next_attempt_at).
// FIFO endpoints (ordering_key set at publish): only the head of each (endpoint, key) is
// claimable, i.e. a delivery with no older one of its key still pending or sending (a try in
// flight, or a head waiting out its retry delay, holds the key). The NOT EXISTS is one probe of
// deliveries_fifo_head_idx, which holds only unsettled FIFO rows. Under concurrency: a head
// another worker is claiming is row-locked (skipped here) and still pending in this statement's
// snapshot, so its successor stays blocked; once its claim commits, it is `sending`.
// deliveries and messages are partitioned by id (docs/ARCHITECTURE.md "Partitioned storage"):
// the claimed ids' range, repeated as bounds, lets PostgreSQL prune at run time to the
// partitions that hold them (a due batch spans a day or two) instead of joining every day's;
// the ids themselves as an array make the update and the message read index probes of the
// primary keys, whatever plan is chosen (a generic plan hash-joined sequential scans of them).
export const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM deliveries d
     WHERE status = 'pending' AND next_attempt_at <= now() AND NOT (endpoint_id = ANY($4::text[]))
       AND (d.ordering_key IS NULL OR NOT EXISTS (
             SELECT 1 FROM deliveries earlier
              WHERE earlier.endpoint_id = d.endpoint_id AND earlier.ordering_key = d.ordering_key
                AND earlier.ordering_key IS NOT NULL AND earlier.status IN ('pending', 'sending') AND earlier.id < d.id))
     ORDER BY next_attempt_at
     LIMIT $1
     FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE deliveries d
       SET status = 'sending', lease_owner = $2, lease_until = now() + make_interval(secs => $3 / 1000.0)
     WHERE d.id = ANY (ARRAY(SELECT id FROM due)) AND d.id BETWEEN (SELECT min(id) FROM due) AND (SELECT max(id) FROM due)
    RETURNING d.id, d.tenant_id, d.message_id, d.endpoint_id, d.attempt_count, d.scheduled_tries, d.retry_schedule, d.recovered_at
  )
  SELECT c.id, c.tenant_id, c.message_id, c.attempt_count, c.scheduled_tries, c.retry_schedule, c.recovered_at IS NOT NULL AS recovered,
         m.event_type, m.created_at AS message_created_at, m.payload::text AS payload,
         CASE WHEN e.transformation IS NOT NULL THEN m.channels END AS channels,
         CASE WHEN e.transformation IS NOT NULL THEN m.tags END AS tags, m.traceparent, m.tracestate, ${ENDPOINT_ROW_SQL}
    FROM claimed c
    JOIN messages m ON m.id = c.message_id AND m.id = ANY (ARRAY(SELECT message_id FROM claimed))
     AND m.id BETWEEN (SELECT min(message_id) FROM claimed) AND (SELECT max(message_id) FROM claimed)
    JOIN endpoints e ON e.id = c.endpoint_id`;

export async function claimDeliveries(options: ClaimOptions): Promise<ClaimedDelivery[]> {
  const { rows } = await claimPool().query<Row>({
    name: "hookline_claim_deliveries", // a prepared statement: parsed and planned once per connection
    text: CLAIM_SQL,
    values: [options.limit, options.workerId, options.leaseMs, options.skipEndpointIds ?? []],
  });
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    messageId: row.message_id,
    endpointId: row.endpoint_id,
    attemptCount: row.attempt_count,
    scheduledTries: row.scheduled_tries,
    retrySchedule: row.retry_schedule?.length ? row.retry_schedule : null,
    recovered: row.recovered,
    eventType: row.event_type,
    messageCreatedAt: row.message_created_at,
    payloadJson: row.payload,
    channels: row.channels,
    tags: row.tags,
    trace: row.traceparent ? { traceparent: row.traceparent, tracestate: row.tracestate } : null,
    endpoint: toEndpointRow(row),
  }));
}
