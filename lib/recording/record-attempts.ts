// Recording what happened, in batches: one transaction writes many attempts, moves their
// deliveries to their next state, adds them to the per-minute and per-hour endpoint statistics
// and the per-hour tenant statistics, updates endpoint health and incidents. Hand-written SQL over unnest() arrays: one statement per table
// whatever the batch size, and constant statement texts that PostgreSQL plans once.
//
// Lock order is always deliveries (sorted) → endpoint_stats (sorted) → endpoint_stats_hourly (sorted) →
// endpoints (sorted) → incidents (sorted) → tenant_stats_hourly (sorted), in every process, so concurrent flushes
// cannot deadlock. The tenant rows come last: every batch of a tenant's hour needs the same
// row, so it is held only from there to the commit.
import "server-only";
import type pg from "pg";
import { withTransaction } from "@/lib/db";
import { newId } from "@/lib/ids";
import { isSkipped, isSuccess, type AttemptRecord } from "./attempt-record";
import { failPendingDeliveries } from "@/lib/queue/fail-pending-deliveries";
import { upsertEndpointStats, upsertTenantStats } from "@/lib/stats/upsert-endpoint-stats";
import { updateEndpointHealth, type HealthChanges } from "./update-endpoint-health";
import { pauseFifoEndpoints } from "./pause-fifo-endpoints";
import { recordIncidents } from "@/lib/incidents/record-incidents";
import { env } from "@/lib/env";
import { emitOperationalEvents, type OperationalEvent } from "@/lib/operational-webhooks/emit-operational-events";

// PostgreSQL text cannot hold NUL; a receiver's body or header may.
const clean = (text: string | null) => (text === null ? null : text.replaceAll("\u0000", ""));
const cleanJson = (value: Record<string, string> | null) => (value === null ? null : clean(JSON.stringify(value)));

/**
 * Counts the batch's tries on their deliveries (attempt_count) and returns the records numbered
 * from the database: the delivery's count before, plus the record's place among the batch's tries
 * of it. Not from what the sender read when it claimed the row: a worker that stalled past its
 * lease still records the try it made, after the new owner recorded its own with that number.
 * Locks the batch's deliveries in id order, first, so concurrent batches cannot deadlock.
 */
async function numberAttempts(
  client: pg.PoolClient,
  records: readonly AttemptRecord[],
): Promise<{ records: AttemptRecord[]; previousAttemptAt: Map<string, Date | null> }> {
  const tries = new Map<string, number>();
  // A skipped record is no try, but its delivery is locked here too (it moves later): one lock order.
  for (const record of records)
    tries.set(record.deliveryId, (tries.get(record.deliveryId) ?? 0) + (isSkipped(record) ? 0 : 1));
  const ids = [...tries.keys()].sort();
  const { rows } = await client.query<{ id: string; before: number; previous_attempt_at: Date | null }>({
    name: "hookline_count_attempts",
    text: `WITH locked AS MATERIALIZED (
             SELECT id FROM deliveries WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE
           )
           UPDATE deliveries d SET attempt_count = d.attempt_count + v.tries
             FROM unnest($1::text[], $2::int[]) AS v(id, tries) JOIN locked ON locked.id = v.id
            WHERE d.id = v.id
           RETURNING d.id, d.attempt_count - v.tries AS before, d.last_attempt_at AS previous_attempt_at`,
    values: [ids, ids.map((id) => tries.get(id)!)],
  });
  const counted = new Map(rows.map((row) => [row.id, row.before]));
  const numbered = records.map((record) => {
    const before = counted.get(record.deliveryId);
    if (before === undefined || isSkipped(record)) return record; // gone (its attempt is not stored), or no try
    counted.set(record.deliveryId, before + 1);
    return { ...record, number: before + 1 };
  });
  return { records: numbered, previousAttemptAt: new Map(rows.map((row) => [row.id, row.previous_attempt_at])) };
}

/** Returns the attempts' ids, in the order of `records`. */
async function insertAttempts(client: pg.PoolClient, records: readonly AttemptRecord[]): Promise<string[]> {
  const column = <T>(pick: (record: AttemptRecord) => T) => records.map(pick);
  const ids = column((record) => newId("attempt", record.response.startedAt.getTime()));
  await client.query({
    name: "hookline_insert_attempts",
    text: `INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms,
                                 response_status, request_headers, response_headers, response_body, error_kind, error_message, request_body)
           SELECT id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger::"AttemptTrigger", url, started_at, duration_ms,
                  response_status, request_headers::jsonb, response_headers::jsonb, response_body, error_kind, error_message, request_body
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::timestamptz[],
                         $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
               AS a(id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms,
                    response_status, request_headers, response_headers, response_body, error_kind, error_message, request_body)
            -- The endpoint (and with it the delivery) may have been deleted while the try was in
            -- flight: its attempt has nothing left to belong to and must not fail the batch.
            WHERE EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.delivery_id)`,
    values: [
      ids,
      column((record) => record.tenantId),
      column((record) => record.deliveryId),
      column((record) => record.messageId),
      column((record) => record.endpointId),
      column((record) => record.number),
      column((record) => record.trigger),
      column((record) => record.url),
      column((record) => record.response.startedAt),
      column((record) => record.response.durationMs),
      column((record) => record.response.status),
      column((record) => cleanJson(record.response.requestHeaders)),
      column((record) => cleanJson(record.response.responseHeaders)),
      column((record) => clean(record.response.responseBody)),
      column((record) => record.response.errorKind),
      column((record) => clean(record.response.errorMessage)),
      column((record) => clean(record.requestBody)),
    ],
  });
  return ids;
}

/**
 * Scheduled and test tries: the leased delivery moves to its planned state and is released.
 * Returns the ids it moved (a delivery whose lease this sender lost is not among them).
 */
async function advanceDeliveries(
  client: pg.PoolClient,
  records: readonly AttemptRecord[],
  leaseOwner: string,
): Promise<Set<string>> {
  if (!records.length) return new Set();
  const { rows } = await client.query<{ id: string }>({
    name: "hookline_advance_deliveries",
    text: `UPDATE deliveries d
              SET status = v.status::"DeliveryStatus", next_attempt_at = v.next_attempt_at,
                  scheduled_tries = d.scheduled_tries + 1,
                  lease_owner = NULL, lease_until = NULL,
                  last_status_code = v.status_code, last_error = v.last_error, last_attempt_at = v.attempted_at
             FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::text[], $6::timestamptz[])
               AS v(id, status, next_attempt_at, status_code, last_error, attempted_at)
            WHERE d.id = v.id AND d.status = 'sending' AND d.lease_owner = $7
           RETURNING d.id`,
    values: [
      records.map((record) => record.deliveryId),
      records.map((record) => record.next!.status),
      records.map((record) => record.next!.nextAttemptAt),
      records.map((record) => record.response.status),
      records.map((record) => clean(record.next!.lastError)),
      records.map((record) => record.response.startedAt),
      leaseOwner,
    ],
  });
  return new Set(rows.map((row) => row.id));
}

/**
 * Manual resends add an attempt without touching the retry schedule; a success settles the
 * delivery (unless a worker is sending it right now, whose own result will then count).
 */
async function noteManualTries(client: pg.PoolClient, records: readonly AttemptRecord[]): Promise<void> {
  if (!records.length) return;
  await client.query({
    name: "hookline_note_manual_tries",
    text: `UPDATE deliveries d
              SET last_attempt_at = v.attempted_at, last_status_code = v.status_code,
                  status = CASE WHEN v.ok AND d.status <> 'sending' THEN 'succeeded'::"DeliveryStatus" ELSE d.status END,
                  next_attempt_at = CASE WHEN v.ok AND d.status <> 'sending' THEN NULL ELSE d.next_attempt_at END,
                  last_error = CASE WHEN v.ok THEN NULL ELSE v.last_error END
             FROM unnest($1::text[], $2::bool[], $3::int[], $4::text[], $5::timestamptz[]) AS v(id, ok, status_code, last_error, attempted_at)
            WHERE d.id = v.id`,
    values: [
      records.map((record) => record.deliveryId),
      records.map((record) => isSuccess(record.response)),
      records.map((record) => record.response.status),
      records.map((record) =>
        clean(
          record.response.status !== null
            ? `HTTP ${record.response.status}`
            : `${record.response.errorKind}: ${record.response.errorMessage}`,
        ),
      ),
      records.map((record) => record.response.startedAt),
    ],
  });
}

/** What this batch tells the operational webhooks: endpoints gone or failing, retries exhausted. */
function operationalEvents(
  records: readonly AttemptRecord[],
  changes: HealthChanges,
  advanced: ReadonlySet<string>,
): OperationalEvent[] {
  const events: OperationalEvent[] = [];
  const now = new Date().toISOString();
  for (const endpoint of changes.gone) {
    events.push({
      type: "endpoint.disabled",
      tenantId: endpoint.tenantId,
      payload: { endpointId: endpoint.endpointId, url: endpoint.url, reason: "gone", disabledAt: now },
    });
  }
  for (const endpoint of changes.failing) {
    events.push({
      type: "endpoint.failing",
      tenantId: endpoint.tenantId,
      payload: {
        endpointId: endpoint.endpointId,
        url: endpoint.url,
        failingSince: endpoint.failingSince.toISOString(),
      },
    });
  }
  for (const record of records) {
    if (record.next?.status !== "failed" || record.next.outcome.result !== "retry") continue; // only "retries exhausted"
    if (!advanced.has(record.deliveryId)) continue; // a try whose sender had lost the lease decided nothing
    events.push({
      type: "message.attempt.exhausted",
      tenantId: record.tenantId,
      aboutEventType: record.eventType,
      payload: {
        endpointId: record.endpointId,
        url: record.url,
        messageId: record.messageId,
        eventType: record.eventType,
        attempts: record.number,
        lastError: record.next.lastError ?? "",
      },
    });
  }
  return events;
}

/**
 * Writes a batch of attempts. `leaseOwner` is the worker (or web request) that holds the leases
 * of the scheduled/test records; a record whose lease was lost meanwhile (the worker stalled
 * past its lease and another took the row) still gets its attempt row, but does not move the
 * delivery, which now belongs to the other sender.
 */
export async function recordAttempts(batch: readonly AttemptRecord[], leaseOwner: string): Promise<void> {
  if (!batch.length) return;
  await withTransaction((client) => recordAttemptsIn(client, batch, leaseOwner));
}

/** recordAttempts in the caller's transaction (a polling endpoint's acknowledgement locks its deliveries first). */
export async function recordAttemptsIn(
  client: pg.PoolClient,
  batch: readonly AttemptRecord[],
  leaseOwner: string,
): Promise<void> {
  if (!batch.length) return;
  {
    const { records: numbered, previousAttemptAt } = await numberAttempts(client, batch);
    // Skipped records move their delivery (to `skipped`) and nothing else.
    const records = numbered.filter((record) => !isSkipped(record));
    const attemptIds = records.length ? await insertAttempts(client, records) : [];
    const advanced = await advanceDeliveries(
      client,
      numbered.filter((record) => record.next !== null),
      leaseOwner,
    );
    await noteManualTries(
      client,
      records.filter((record) => record.next === null),
    );
    await upsertEndpointStats(client, records);
    const changes = await updateEndpointHealth(client, records);
    for (const endpoint of changes.gone)
      await failPendingDeliveries(
        client,
        endpoint.tenantId,
        endpoint.endpointId,
        "endpoint disabled: the receiver answered 410 Gone",
      );
    const paused = await pauseFifoEndpoints(
      client,
      records
        .filter((record) => record.next?.status === "failed" && advanced.has(record.deliveryId))
        .map((record) => record.endpointId),
    );
    const incidents = await recordIncidents(
      client,
      records,
      attemptIds,
      previousAttemptAt,
      env().HOOKLINE_INCIDENT_RESOLVE_AFTER,
    );
    await emitOperationalEvents(client, [...operationalEvents(records, changes, advanced), ...paused, ...incidents]);
    await upsertTenantStats(client, records);
  }
}
