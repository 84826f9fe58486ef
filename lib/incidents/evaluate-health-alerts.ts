// Health alerts, evaluated by the maintenance loop once a minute (one worker at a time) from
// the rollups, never from attempts: an endpoint's last 60 minutes (endpoint_stats) against its
// own baseline, the same hour of day on each of the 7 days before (endpoint_stats_hourly), and
// its backlog samples (endpoint_backlog). Each alert is an incident of kind "alert" with cause
//   success_rate  the success rate is `successRateMargin` percentage points under the baseline's;
//   latency_p95   the p95 latency is more than `latencyFactor` times the baseline's;
//   backlog       the due backlog has been there, never empty, and grown for `backlogMinutes`.
// Both windows need MIN_ATTEMPTS tries to judge; an alert whose condition no longer holds
// (recovered, or too little traffic to tell) resolves by itself; one that holds again reopens.
import "server-only";
import type pg from "pg";
import { withAdvisoryLock, withTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { emitOperationalEvents, type OperationalEvent } from "@/lib/operational-webhooks/emit-operational-events";
import { HISTOGRAM_SUM } from "@/lib/stats/histogram-sql";
import { percentile } from "@/lib/stats/summarize-stats";
import type { AlertCause } from "./incident-cause";
import { openedEvent, resolvedEvent } from "./incident-events";

export interface AlertSettings {
  successRateMargin: number;
  latencyFactor: number;
  backlogMinutes: number;
}

/** The settings as HOOKLINE_ALERT_* give them. */
export const alertSettingsFromEnv = (): AlertSettings => ({
  successRateMargin: env().HOOKLINE_ALERT_SUCCESS_RATE_MARGIN,
  latencyFactor: env().HOOKLINE_ALERT_LATENCY_FACTOR,
  backlogMinutes: env().HOOKLINE_ALERT_BACKLOG_MINUTES,
});

/** Fewer tries than this in the window or the baseline: too little to judge. */
export const MIN_ATTEMPTS = 20;
const WINDOW_MS = 3_600_000;
const BASELINE_DAYS = 7;

/** The advisory lock that keeps evaluation to one worker at a time. */
export const ALERT_LOCK = 7_297_103_384_225;

interface Counts {
  endpoint_id: string;
  tenant_id: string;
  succeeded: number;
  failed: number;
  histogram: number[];
}

interface Firing {
  tenantId: string;
  endpointId: string;
  cause: AlertCause;
  details: Record<string, unknown>;
}

const rate = (counts: Counts) => counts.succeeded / (counts.succeeded + counts.failed);
const round = (value: number) => Math.round(value * 10) / 10;

async function statsAlerts(client: pg.ClientBase, settings: AlertSettings, now: Date): Promise<Firing[]> {
  const { rows: current } = await client.query<Counts>(
    `SELECT endpoint_id, tenant_id, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, ${HISTOGRAM_SUM} AS histogram
       FROM endpoint_stats WHERE minute >= $1 AND minute < $2 GROUP BY endpoint_id, tenant_id
      HAVING sum(succeeded) + sum(failed) >= $3`,
    [new Date(now.getTime() - WINDOW_MS), now, MIN_ATTEMPTS],
  );
  if (!current.length) return [];
  // "The same hour": the hour in the middle of the window, on each of the 7 days before.
  const hour = Math.floor((now.getTime() - WINDOW_MS / 2) / WINDOW_MS) * WINDOW_MS;
  const hours = Array.from({ length: BASELINE_DAYS }, (_, day) => new Date(hour - (day + 1) * 86_400_000));
  const { rows: baselines } = await client.query<Counts>(
    `SELECT endpoint_id, tenant_id, sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, ${HISTOGRAM_SUM} AS histogram
       FROM endpoint_stats_hourly WHERE endpoint_id = ANY($1::text[]) AND hour = ANY($2::timestamptz[])
      GROUP BY endpoint_id, tenant_id HAVING sum(succeeded) + sum(failed) >= $3`,
    [current.map((row) => row.endpoint_id), hours, MIN_ATTEMPTS],
  );
  const baselineOf = new Map(baselines.map((row) => [row.endpoint_id, row]));
  const firing: Firing[] = [];
  for (const now of current) {
    const baseline = baselineOf.get(now.endpoint_id);
    if (!baseline) continue;
    const observedRate = rate(now) * 100;
    const baselineRate = rate(baseline) * 100;
    const attempts = now.succeeded + now.failed;
    if (baselineRate - observedRate >= settings.successRateMargin)
      firing.push({
        tenantId: now.tenant_id,
        endpointId: now.endpoint_id,
        cause: "success_rate",
        details: { observedRate: round(observedRate), baselineRate: round(baselineRate), attempts },
      });
    const observedP95 = percentile(now.histogram, 95);
    const baselineP95 = percentile(baseline.histogram, 95);
    if (observedP95 !== null && baselineP95 !== null && observedP95 > baselineP95 * settings.latencyFactor)
      firing.push({
        tenantId: now.tenant_id,
        endpointId: now.endpoint_id,
        cause: "latency_p95",
        details: { observedP95Ms: Math.round(observedP95), baselineP95Ms: Math.round(baselineP95), attempts },
      });
  }
  return firing;
}

async function backlogAlerts(client: pg.ClientBase, settings: AlertSettings, now: Date): Promise<Firing[]> {
  // Samples of the last `backlogMinutes` (and the minute before): the earliest must be that old,
  // none empty (a missing minute had nothing queued), and the latest larger than the earliest.
  const { rows } = await client.query<{ endpoint_id: string; tenant_id: string; first_due: number; last_due: number }>(
    `SELECT endpoint_id, tenant_id,
            (array_agg(due ORDER BY minute))[1] AS first_due, (array_agg(due ORDER BY minute DESC))[1] AS last_due
       FROM endpoint_backlog
      WHERE minute >= $1 AND minute <= $2
      GROUP BY endpoint_id, tenant_id
     HAVING min(minute) <= $3 AND min(due) > 0 AND count(*) >= $4`,
    [
      new Date(now.getTime() - (settings.backlogMinutes + 1) * 60_000),
      now,
      new Date(now.getTime() - settings.backlogMinutes * 60_000),
      settings.backlogMinutes,
    ],
  );
  return rows
    .filter((row) => row.last_due > row.first_due)
    .map((row) => ({
      tenantId: row.tenant_id,
      endpointId: row.endpoint_id,
      cause: "backlog" as const,
      details: { due: row.last_due, dueBefore: row.first_due, minutes: settings.backlogMinutes },
    }));
}

interface AlertRow {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  kind: string;
  cause: string;
  status: string;
  opened_at: Date;
  resolved_at: Date | null;
  failed_attempts: number;
}

/** Opens, reopens and resolves the alerts; returns how many opened and resolved. */
async function applyAlerts(firing: readonly Firing[], now: Date): Promise<{ opened: number; resolved: number }> {
  return withTransaction(async (client) => {
    const events: OperationalEvent[] = [];
    const firingKeys = new Set(firing.map((alert) => `${alert.endpointId} ${alert.cause}`));
    const { rows: resolved } = await client.query<AlertRow>(
      `UPDATE incidents SET status = 'resolved', resolved_at = $2, resolved_by = 'auto'
        WHERE kind = 'alert' AND status = 'open' AND NOT ((endpoint_id || ' ' || cause) = ANY($1::text[]))
        RETURNING *`,
      [[...firingKeys], now],
    );
    for (const row of resolved) events.push(resolvedEvent(row, "auto"));
    const sorted = [...firing].sort((a, b) => (`${a.endpointId} ${a.cause}` < `${b.endpointId} ${b.cause}` ? -1 : 1));
    const { rows: before } = await client.query<{ endpoint_id: string; cause: string; status: string }>(
      `SELECT endpoint_id, cause, status FROM incidents
        WHERE (endpoint_id || ' ' || cause) = ANY($1::text[]) ORDER BY endpoint_id, cause FOR UPDATE`,
      [sorted.map((alert) => `${alert.endpointId} ${alert.cause}`)],
    );
    const was = new Map(before.map((row) => [`${row.endpoint_id} ${row.cause}`, row.status]));
    const { rows: opened } = await client.query<AlertRow>(
      `INSERT INTO incidents AS i (id, tenant_id, endpoint_id, kind, cause, status, first_seen_at, last_seen_at, opened_at, details)
       SELECT id, tenant_id, endpoint_id, 'alert', cause, 'open', $6, $6, $6, details
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS v(id, tenant_id, endpoint_id, cause, details)
       ON CONFLICT (endpoint_id, cause) DO UPDATE SET
         last_seen_at = excluded.last_seen_at, details = excluded.details,
         status = 'open', resolved_at = NULL, resolved_by = NULL,
         opened_at = CASE WHEN i.status = 'open' THEN i.opened_at ELSE excluded.opened_at END,
         reopen_count = i.reopen_count + CASE WHEN i.status = 'open' THEN 0 ELSE 1 END
       RETURNING i.*`,
      [
        sorted.map(() => newId("incident", now.getTime())),
        sorted.map((alert) => alert.tenantId),
        sorted.map((alert) => alert.endpointId),
        sorted.map((alert) => alert.cause),
        sorted.map((alert) => JSON.stringify(alert.details)),
        now,
      ],
    );
    const newlyOpen = opened.filter((row) => was.get(`${row.endpoint_id} ${row.cause}`) !== "open");
    for (const row of newlyOpen) events.push(openedEvent(row, was.has(`${row.endpoint_id} ${row.cause}`)));
    await emitOperationalEvents(client, events);
    return { opened: newlyOpen.length, resolved: resolved.length };
  });
}

/**
 * One round of health alerts at `now`. Returns null when another worker is evaluating.
 */
export async function evaluateHealthAlerts(
  settings: AlertSettings,
  now: Date = new Date(),
): Promise<{ opened: number; resolved: number } | null> {
  let result = { opened: 0, resolved: 0 };
  const ran = await withAdvisoryLock(ALERT_LOCK, async (client) => {
    const firing = [...(await statsAlerts(client, settings, now)), ...(await backlogAlerts(client, settings, now))];
    result = await applyAlerts(firing, now);
  });
  return ran ? result : null;
}
