// Incidents in the recording transaction (lib/recording/record-attempts.ts): a batch's failed
// tries are grouped per (endpoint, cause) and written with one upsert for the whole batch; its
// successes count towards resolving the endpoint's open incidents (HOOKLINE_INCIDENT_RESOLVE_AFTER
// consecutive successes). A healthy batch costs one UPDATE that finds no open incident.
//
// Runs after endpoint health, which locks every endpoint of the batch (FOR NO KEY UPDATE, id order):
// the incidents of an endpoint are therefore only ever written by one batch at a time, so they
// can be read, worked out here and written back. A hand resolve through the API locks only
// the incident row, which the read below locks too.
import "server-only";
import type pg from "pg";
import { newId } from "@/lib/ids";
import { isSuccess, type AttemptRecord } from "@/lib/recording/attempt-record";
import type { OperationalEvent } from "@/lib/operational-webhooks/emit-operational-events";
import { incidentCause } from "./incident-cause";
import { openedEvent, resolvedEvent } from "./incident-events";

interface CauseFailures {
  count: number;
  firstAt: Date;
  lastAt: Date;
  /** Delivery → when it was tried before this batch (null: never). */
  deliveries: Map<string, Date | null>;
  sample: { attemptId: string; messageId: string; status: number | null; error: string | null };
}

interface EndpointOutcome {
  tenantId: string;
  failures: Map<string, CauseFailures>;
  /** Successes after the batch's last failure of the endpoint (all of them when none failed). */
  trailingSuccesses: number;
}

interface IncidentRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  cause: string;
  status: string;
  first_seen_at: Date;
  last_seen_at: Date;
  opened_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  reopen_count: number;
  failed_attempts: number;
  affected_messages: number;
  consecutive_successes: number;
  sample_attempt_id: string | null;
  sample_message_id: string | null;
  sample_status: number | null;
  sample_error: string | null;
}

function outcomesOf(
  records: readonly AttemptRecord[],
  attemptIds: readonly string[],
  previousAttemptAt: ReadonlyMap<string, Date | null>,
): Map<string, EndpointOutcome> {
  const order = records.map((record, index) => ({ record, attemptId: attemptIds[index]! }));
  order.sort((a, b) => a.record.response.startedAt.getTime() - b.record.response.startedAt.getTime());
  const outcomes = new Map<string, EndpointOutcome>();
  for (const { record, attemptId } of order) {
    if (record.response.cancelled) continue; // a try cut short by shutdown says nothing about the receiver
    const outcome = outcomes.get(record.endpointId) ?? {
      tenantId: record.tenantId,
      failures: new Map(),
      trailingSuccesses: 0,
    };
    outcomes.set(record.endpointId, outcome);
    if (isSuccess(record.response)) {
      outcome.trailingSuccesses++;
      continue;
    }
    outcome.trailingSuccesses = 0;
    const cause = incidentCause(record.response);
    const at = record.response.startedAt;
    const failures = outcome.failures.get(cause) ?? {
      count: 0,
      firstAt: at,
      lastAt: at,
      deliveries: new Map(),
      sample: { attemptId, messageId: record.messageId, status: null, error: null },
    };
    failures.count++;
    failures.lastAt = at;
    if (!failures.deliveries.has(record.deliveryId))
      failures.deliveries.set(record.deliveryId, previousAttemptAt.get(record.deliveryId) ?? null);
    failures.sample = {
      attemptId,
      messageId: record.messageId,
      status: record.response.status,
      error: record.response.errorKind ? `${record.response.errorKind}: ${record.response.errorMessage ?? ""}` : null,
    };
    outcome.failures.set(cause, failures);
  }
  return outcomes;
}

/**
 * Updates the incidents of the batch's endpoints and returns the operational events of those
 * that opened, reopened or resolved. `attemptIds[i]` is the stored id of `records[i]`;
 * `previousAttemptAt` the time each delivery was last tried before this batch.
 */
export async function recordIncidents(
  client: pg.PoolClient,
  records: readonly AttemptRecord[],
  attemptIds: readonly string[],
  previousAttemptAt: ReadonlyMap<string, Date | null>,
  resolveAfter: number,
): Promise<OperationalEvent[]> {
  const outcomes = outcomesOf(records, attemptIds, previousAttemptAt);
  const events: OperationalEvent[] = [];
  const now = new Date();

  // Endpoints without a failure in the batch: their successes extend the run of open incidents.
  const quiet = [...outcomes].filter(([, outcome]) => !outcome.failures.size && outcome.trailingSuccesses > 0);
  if (quiet.length) {
    quiet.sort(([a], [b]) => (a < b ? -1 : 1));
    const { rows } = await client.query<IncidentRow>({
      name: "hookline_incident_successes",
      text: `UPDATE incidents i
                SET consecutive_successes = i.consecutive_successes + v.successes,
                    status = CASE WHEN i.consecutive_successes + v.successes >= $3 THEN 'resolved' ELSE 'open' END,
                    resolved_at = CASE WHEN i.consecutive_successes + v.successes >= $3 THEN $4::timestamptz END,
                    resolved_by = CASE WHEN i.consecutive_successes + v.successes >= $3 THEN 'auto' END
               FROM unnest($1::text[], $2::int[]) AS v(endpoint_id, successes)
              WHERE i.endpoint_id = v.endpoint_id AND i.status = 'open' AND i.kind = 'failure'
             RETURNING i.*`,
      values: [quiet.map(([id]) => id), quiet.map(([, outcome]) => outcome.trailingSuccesses), resolveAfter, now],
    });
    for (const row of rows) if (row.status === "resolved") events.push(resolvedEvent(row, "auto"));
  }

  const failing = [...outcomes].filter(([, outcome]) => outcome.failures.size > 0);
  if (!failing.length) return events;
  const endpointIds = failing.map(([id]) => id).sort();
  const { rows: existing } = await client.query<IncidentRow>({
    name: "hookline_incidents_of_endpoints",
    text: `SELECT * FROM incidents WHERE endpoint_id = ANY($1::text[]) AND kind = 'failure' ORDER BY endpoint_id, cause FOR UPDATE`,
    values: [endpointIds],
  });
  const byKey = new Map(existing.map((row) => [`${row.endpoint_id} ${row.cause}`, row]));
  const changed: IncidentRow[] = [];

  for (const [endpointId, outcome] of failing) {
    for (const [cause, failures] of outcome.failures) {
      const row = byKey.get(`${endpointId} ${cause}`);
      const sample = {
        sample_attempt_id: failures.sample.attemptId,
        sample_message_id: failures.sample.messageId,
        sample_status: failures.sample.status,
        sample_error: failures.sample.error,
      };
      if (!row || row.status === "resolved") {
        // Opens, or reopens the same incident: counts go on, openedAt marks this open period.
        const opened: IncidentRow = {
          id: row?.id ?? newId("incident", failures.firstAt.getTime()),
          tenant_id: outcome.tenantId,
          endpoint_id: endpointId,
          cause,
          status: "open",
          first_seen_at: row?.first_seen_at ?? failures.firstAt,
          last_seen_at: failures.lastAt,
          opened_at: failures.firstAt,
          resolved_at: null,
          resolved_by: null,
          reopen_count: row ? row.reopen_count + 1 : 0,
          failed_attempts: (row?.failed_attempts ?? 0) + failures.count,
          affected_messages: (row?.affected_messages ?? 0) + failures.deliveries.size,
          consecutive_successes: outcome.trailingSuccesses,
          ...sample,
        };
        changed.push(opened);
        events.push(openedEvent(opened, Boolean(row)));
        byKey.set(`${endpointId} ${cause}`, opened);
      } else {
        // A message counts once per open period: when this is its first failed try since it opened.
        let newlyAffected = 0;
        for (const previous of failures.deliveries.values())
          if (previous === null || previous < row.opened_at) newlyAffected++;
        const updated: IncidentRow = {
          ...row,
          last_seen_at: failures.lastAt > row.last_seen_at ? failures.lastAt : row.last_seen_at,
          failed_attempts: row.failed_attempts + failures.count,
          affected_messages: row.affected_messages + newlyAffected,
          consecutive_successes: outcome.trailingSuccesses,
          ...sample,
        };
        changed.push(updated);
        byKey.set(`${endpointId} ${cause}`, updated);
      }
    }
    // Open incidents of other causes: this batch's failure broke their run of successes.
    for (const row of existing) {
      if (row.endpoint_id !== endpointId || row.status !== "open" || outcome.failures.has(row.cause)) continue;
      const updated = { ...row, consecutive_successes: outcome.trailingSuccesses };
      changed.push(updated);
    }
  }
  for (const row of changed) {
    if (row.status === "open" && row.consecutive_successes >= resolveAfter) {
      Object.assign(row, { status: "resolved", resolved_at: now, resolved_by: "auto" });
      events.push(resolvedEvent(row, "auto"));
    }
  }
  changed.sort((a, b) =>
    a.endpoint_id === b.endpoint_id ? (a.cause < b.cause ? -1 : 1) : a.endpoint_id < b.endpoint_id ? -1 : 1,
  );
  const column = <T>(pick: (row: IncidentRow) => T) => changed.map(pick);
  await client.query({
    name: "hookline_upsert_incidents",
    text: `INSERT INTO incidents (id, tenant_id, endpoint_id, kind, cause, status, first_seen_at, last_seen_at, opened_at,
                                  resolved_at, resolved_by, reopen_count, failed_attempts, affected_messages,
                                  consecutive_successes, sample_attempt_id, sample_message_id, sample_status, sample_error)
           SELECT id, tenant_id, endpoint_id, 'failure', cause, status, first_seen_at, last_seen_at, opened_at,
                  resolved_at, resolved_by, reopen_count, failed_attempts, affected_messages,
                  consecutive_successes, sample_attempt_id, sample_message_id, sample_status, sample_error
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                         $8::timestamptz[], $9::timestamptz[], $10::text[], $11::int[], $12::int[], $13::int[], $14::int[],
                         $15::text[], $16::text[], $17::int[], $18::text[])
               AS v(id, tenant_id, endpoint_id, cause, status, first_seen_at, last_seen_at, opened_at, resolved_at,
                    resolved_by, reopen_count, failed_attempts, affected_messages, consecutive_successes,
                    sample_attempt_id, sample_message_id, sample_status, sample_error)
           ON CONFLICT (endpoint_id, cause) DO UPDATE SET
             status = excluded.status, last_seen_at = excluded.last_seen_at, opened_at = excluded.opened_at,
             resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by, reopen_count = excluded.reopen_count,
             failed_attempts = excluded.failed_attempts, affected_messages = excluded.affected_messages,
             consecutive_successes = excluded.consecutive_successes, sample_attempt_id = excluded.sample_attempt_id,
             sample_message_id = excluded.sample_message_id, sample_status = excluded.sample_status,
             sample_error = excluded.sample_error`,
    values: [
      column((row) => row.id),
      column((row) => row.tenant_id),
      column((row) => row.endpoint_id),
      column((row) => row.cause),
      column((row) => row.status),
      column((row) => row.first_seen_at),
      column((row) => row.last_seen_at),
      column((row) => row.opened_at),
      column((row) => row.resolved_at),
      column((row) => row.resolved_by),
      column((row) => row.reopen_count),
      column((row) => row.failed_attempts),
      column((row) => row.affected_messages),
      column((row) => row.consecutive_successes),
      column((row) => row.sample_attempt_id),
      column((row) => row.sample_message_id),
      column((row) => row.sample_status),
      column((row) => row.sample_error?.replaceAll("\u0000", "") ?? null),
    ],
  });
  return events;
}
