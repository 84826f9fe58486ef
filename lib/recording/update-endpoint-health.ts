// Endpoint health after a batch: when it last succeeded, since when it has been failing and
// how often, and 410 Gone disabling it. A healthy endpoint is written at most about once a
// minute (the WHERE clause), so a busy receiver does not turn every batch into a row update.
import "server-only";
import type pg from "pg";
import { isSuccess, type AttemptRecord } from "./attempt-record";

interface Health {
  tenantId: string;
  endpointId: string;
  lastSuccessAt: Date | null;
  firstFailureAt: Date | null;
  lastFailureAt: Date | null;
  failures: number;
  gone: boolean;
}

export interface HealthChanges {
  /** Disabled by this batch (410 Gone). */
  gone: Array<{ tenantId: string; endpointId: string; url: string }>;
  /** Started failing with this batch, and not announced within the last hour. */
  failing: Array<{ tenantId: string; endpointId: string; url: string; failingSince: Date }>;
}

/** Returns what this batch changed that operational webhooks announce. */
export async function updateEndpointHealth(
  client: pg.PoolClient,
  records: readonly AttemptRecord[],
): Promise<HealthChanges> {
  const byEndpoint = new Map<string, Health>();
  for (const record of records) {
    const at = record.response.startedAt;
    const health = byEndpoint.get(record.endpointId) ?? {
      tenantId: record.tenantId,
      endpointId: record.endpointId,
      lastSuccessAt: null,
      firstFailureAt: null,
      lastFailureAt: null,
      failures: 0,
      gone: false,
    };
    if (isSuccess(record.response)) {
      if (!health.lastSuccessAt || at > health.lastSuccessAt) health.lastSuccessAt = at;
    } else if (!record.response.cancelled) {
      health.failures++;
      if (!health.firstFailureAt || at < health.firstFailureAt) health.firstFailureAt = at;
      if (!health.lastFailureAt || at > health.lastFailureAt) health.lastFailureAt = at;
      if (record.response.status === 410 && (record.trigger === "scheduled" || record.trigger === "recovered"))
        health.gone = true;
    }
    byEndpoint.set(record.endpointId, health);
  }
  const rows = [...byEndpoint.values()].sort((a, b) => (a.endpointId < b.endpointId ? -1 : 1));
  // "recovered": the batch's last word is a success (failures before it in the batch are moot).
  // `before` is the row as it was (locked in id order), so RETURNING can tell what changed.
  // FOR NO KEY UPDATE, not FOR UPDATE: it serialises recording batches of an endpoint just the
  // same, and leaves alone the FOR KEY SHARE lock that each publish's foreign-key check of its
  // deliveries takes on the endpoint rows. FOR UPDATE made publishes wait for the batch, and a
  // publish whose checks lock endpoints in another order than the batch's deadlocked with it.
  const { rows: changed } = await client.query<{
    id: string;
    tenant_id: string;
    url: string;
    newly_gone: boolean;
    newly_failing: boolean;
    failing_since: Date | null;
  }>({
    name: "hookline_update_endpoint_health",
    text: `WITH v AS (
             SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::bool[])
               AS v(endpoint_id, last_success_at, first_failure_at, last_failure_at, failures, gone)
           ), before AS (
             SELECT e.id, e.disabled_at, e.failing_since, e.failing_notified_at FROM endpoints e JOIN v ON v.endpoint_id = e.id ORDER BY e.id FOR NO KEY UPDATE OF e
           ), changed AS (
             UPDATE endpoints e SET
               last_success_at = greatest(e.last_success_at, v.last_success_at),
               failing_since = CASE WHEN v.last_success_at IS NOT NULL AND (v.last_failure_at IS NULL OR v.last_success_at > v.last_failure_at) THEN NULL
                                    ELSE coalesce(e.failing_since, v.first_failure_at) END,
               failures_since_success = CASE WHEN v.last_success_at IS NOT NULL AND (v.last_failure_at IS NULL OR v.last_success_at > v.last_failure_at) THEN 0
                                             ELSE e.failures_since_success + v.failures END,
               failing_notified_at = CASE WHEN before.failing_since IS NULL AND v.failures > 0
                                           AND NOT (v.last_success_at IS NOT NULL AND v.last_success_at > v.last_failure_at)
                                           AND (before.failing_notified_at IS NULL OR before.failing_notified_at < now() - interval '1 hour')
                                          THEN now() ELSE e.failing_notified_at END,
               disabled_at = CASE WHEN v.gone AND e.disabled_at IS NULL THEN now() ELSE e.disabled_at END,
               disabled_reason = CASE WHEN v.gone AND e.disabled_at IS NULL THEN 'gone' ELSE e.disabled_reason END
             FROM v JOIN before ON before.id = v.endpoint_id
             WHERE e.id = v.endpoint_id
               AND (v.failures > 0 OR v.gone OR e.failing_since IS NOT NULL OR e.failures_since_success > 0
                    OR e.last_success_at IS NULL OR e.last_success_at < v.last_success_at - interval '1 minute')
             RETURNING e.id, e.tenant_id, e.url, e.failing_since,
                       (v.gone AND before.disabled_at IS NULL) AS newly_gone,
                       (e.failing_notified_at IS DISTINCT FROM before.failing_notified_at) AS newly_failing
           )
           SELECT * FROM changed WHERE newly_gone OR newly_failing`,
    values: [
      rows.map((row) => row.endpointId),
      rows.map((row) => row.lastSuccessAt),
      rows.map((row) => row.firstFailureAt),
      rows.map((row) => row.lastFailureAt),
      rows.map((row) => row.failures),
      rows.map((row) => row.gone),
    ],
  });
  return {
    gone: changed
      .filter((row) => row.newly_gone)
      .map((row) => ({ tenantId: row.tenant_id, endpointId: row.id, url: row.url })),
    failing: changed
      .filter((row) => row.newly_failing && !row.newly_gone)
      .map((row) => ({
        tenantId: row.tenant_id,
        endpointId: row.id,
        url: row.url,
        failingSince: row.failing_since ?? new Date(),
      })),
  };
}
