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

/**
 * Counts the batch's tries on their deliveries (attempt_count), moves the scheduled and test
 * tries' deliveries to their planned state, releasing their leases, and returns the records
 * numbered from the database: the delivery's count before, plus the record's place among the
 * batch's tries of it. Not from what the sender read when it claimed the row: a worker that
 * stalled past its lease still records the try it made, after the new owner recorded its own
 * with that number; such a try (its delivery no longer `sending` under `leaseOwner`) moves
 * nothing and is not among the `advanced` ids. One UPDATE of each delivery row for both (one new
 * row version and its index entries, not two). Locks the batch's deliveries in id order, first,
 * so concurrent batches cannot deadlock; `locked` holds each row as it was before this statement.
 */
async function numberAndAdvance(
  client: pg.PoolClient,
  batch: readonly AttemptRecord[],
  leaseOwner: string,
): Promise<{ records: AttemptRecord[]; previousAttemptAt: Map<string, Date | null>; advanced: Set<string> }> {
  const tries = new Map<string, number>();
  // The delivery's planned state: the batch's last record of it with one (a manual resend has none).
  const planned = new Map<string, AttemptRecord>();
  // A skipped record is no try, but its delivery is locked here too (it moves to `skipped`): one lock order.
  for (const record of batch) {
    tries.set(record.deliveryId, (tries.get(record.deliveryId) ?? 0) + (isSkipped(record) ? 0 : 1));
    if (record.next !== null) planned.set(record.deliveryId, record);
  }
  const ids = [...tries.keys()].sort();
  const plans = ids.map((id) => planned.get(id));
  const { rows } = await client.query<{
    id: string;
    before: number;
    previous_attempt_at: Date | null;
    advanced: boolean;
  }>({
    name: "hookline_number_and_advance",
    text: `WITH locked AS MATERIALIZED (
             SELECT id, attempt_count, last_attempt_at, status = 'sending' AND lease_owner = $9 AS leased
               FROM deliveries WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE
           ), v AS (
             SELECT v.*, v.planned AND locked.leased AS advance, locked.attempt_count AS before, locked.last_attempt_at AS previous_attempt_at
               FROM unnest($1::text[], $2::int[], $3::bool[], $4::text[], $5::timestamptz[], $6::int[], $7::text[], $8::timestamptz[])
                 AS v(id, tries, planned, status, next_attempt_at, status_code, last_error, attempted_at)
               JOIN locked ON locked.id = v.id
           )
           UPDATE deliveries d
              SET attempt_count = d.attempt_count + v.tries,
                  status = CASE WHEN v.advance THEN v.status::"DeliveryStatus" ELSE d.status END,
                  next_attempt_at = CASE WHEN v.advance THEN v.next_attempt_at ELSE d.next_attempt_at END,
                  scheduled_tries = CASE WHEN v.advance THEN d.scheduled_tries + 1 ELSE d.scheduled_tries END,
                  lease_owner = CASE WHEN v.advance THEN NULL ELSE d.lease_owner END,
                  lease_until = CASE WHEN v.advance THEN NULL ELSE d.lease_until END,
                  last_status_code = CASE WHEN v.advance THEN v.status_code ELSE d.last_status_code END,
                  last_error = CASE WHEN v.advance THEN v.last_error ELSE d.last_error END,
                  last_attempt_at = CASE WHEN v.advance THEN v.attempted_at ELSE d.last_attempt_at END
             FROM v
            WHERE d.id = v.id AND d.id = ANY($1::text[]) -- the ids again: only their partitions are read
           RETURNING d.id, v.before, v.previous_attempt_at, v.advance AS advanced`,
    values: [
      ids,
      ids.map((id) => tries.get(id)!),
      plans.map((record) => record !== undefined),
      plans.map((record) => record?.next!.status ?? null),
      plans.map((record) => record?.next!.nextAttemptAt ?? null),
      plans.map((record) => record?.response.status ?? null),
      plans.map((record) => clean(record?.next!.lastError ?? null)),
      plans.map((record) => record?.response.startedAt ?? null),
      leaseOwner,
    ],
  });
  const counted = new Map(rows.map((row) => [row.id, row.before]));
  const numbered = batch.map((record) => {
    const before = counted.get(record.deliveryId);
    if (before === undefined || isSkipped(record)) return record; // gone (its attempt is not stored), or no try
    counted.set(record.deliveryId, before + 1);
    return { ...record, number: before + 1 };
  });
  return {
    records: numbered,
    previousAttemptAt: new Map(rows.map((row) => [row.id, row.previous_attempt_at])),
    advanced: new Set(rows.filter((row) => row.advanced).map((row) => row.id)),
  };
}

/**
 * Returns the attempts' ids, in the order of `records`. Only the tries of deliveries that still
 * exist are written (`present`: the rows numberAndAdvance found and locked, so they cannot go
 * away before the commit): the endpoint, and with it the delivery, may have been deleted while
 * the try was in flight, and its attempt has nothing left to belong to. One JSON document for
 * the whole batch rather than 17 arrays: the arrays' text form cost the worker an escaping pass
 * over every value (the headers twice: as JSON, then as an array element) and PostgreSQL the
 * unescaping.
 */
async function insertAttempts(
  client: pg.PoolClient,
  records: readonly AttemptRecord[],
  present: ReadonlySet<string>,
): Promise<string[]> {
  const ids = records.map((record) => newId("attempt", record.response.startedAt.getTime()));
  const rows = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    if (!present.has(record.deliveryId)) continue;
    const response = record.response;
    rows.push({
      id: ids[index],
      tenant_id: record.tenantId,
      delivery_id: record.deliveryId,
      message_id: record.messageId,
      endpoint_id: record.endpointId,
      number: record.number,
      trigger: record.trigger,
      url: record.url,
      started_at: response.startedAt,
      duration_ms: response.durationMs,
      response_status: response.status,
      request_headers: response.requestHeaders,
      response_headers: response.responseHeaders,
      response_body: clean(response.responseBody),
      error_kind: response.errorKind,
      error_message: clean(response.errorMessage),
      request_body: clean(record.requestBody),
    });
  }
  if (!rows.length) return ids;
  await client.query({
    name: "hookline_insert_attempts",
    text: `INSERT INTO attempts (id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger, url, started_at, duration_ms,
                                 response_status, request_headers, response_headers, response_body, error_kind, error_message, request_body)
           SELECT id, tenant_id, delivery_id, message_id, endpoint_id, number, trigger::"AttemptTrigger", url, started_at, duration_ms,
                  response_status, request_headers, response_headers, response_body, error_kind, error_message, request_body
             FROM json_to_recordset($1::json)
               AS a(id text, tenant_id text, delivery_id text, message_id text, endpoint_id text, number int, trigger text, url text,
                    started_at timestamptz, duration_ms int, response_status int, request_headers jsonb, response_headers jsonb,
                    response_body text, error_kind text, error_message text, request_body text)`,
    values: [JSON.stringify(rows)],
  });
  return ids;
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
            WHERE d.id = v.id AND d.id = ANY($1::text[])`,
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
    const { records: numbered, previousAttemptAt, advanced } = await numberAndAdvance(client, batch, leaseOwner);
    const present = new Set(previousAttemptAt.keys());
    // Skipped records move their delivery (to `skipped`) and nothing else.
    const records = numbered.filter((record) => !isSkipped(record));
    const attemptIds = records.length ? await insertAttempts(client, records, present) : [];
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
