// What the operator's System page shows. Every query here is bounded however large the tables
// grow: the queue counts read the partial indexes on pending and sending rows, "last 24 h" is a
// primary-key range (ids are time-sortable), and the attempt rate comes from the per-minute
// rollups, read tenant by tenant through the (tenant_id, minute) index.
import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { idFloorAt } from "@/lib/ids";
import type { TSystemStatus } from "@/lib/schemas/system";
import { getSupervisorStatus } from "./get-supervisor-status";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

async function queueNow(): Promise<Pick<TSystemStatus, "queue" | "oldestDue">> {
  const { rows } = await pool().query<{
    due: number;
    scheduled: number;
    oldest_due: Date | null;
    sending: number;
    now: Date;
  }>(
    `SELECT count(*) FILTER (WHERE next_attempt_at <= now())::int AS due,
            count(*) FILTER (WHERE next_attempt_at > now())::int AS scheduled,
            min(next_attempt_at) FILTER (WHERE next_attempt_at <= now()) AS oldest_due,
            (SELECT count(*)::int FROM deliveries WHERE status = 'sending') AS sending,
            now() AS now
       FROM deliveries WHERE status = 'pending'`,
  );
  const row = rows[0]!;
  return {
    queue: { due: row.due, scheduled: row.scheduled, sending: row.sending },
    oldestDue: row.oldest_due
      ? { since: row.oldest_due.toISOString(), ageMs: Math.max(0, row.now.getTime() - row.oldest_due.getTime()) }
      : null,
  };
}

async function lastDay(now: Date): Promise<TSystemStatus["last24h"]> {
  const { rows } = await pool().query<{ status: keyof TSystemStatus["last24h"]; count: number }>(
    `SELECT status::text AS status, count(*)::int AS count FROM deliveries WHERE id >= $1 GROUP BY status`,
    [idFloorAt("delivery", new Date(now.getTime() - DAY_MS))],
  );
  const counts = { pending: 0, sending: 0, succeeded: 0, failed: 0, skipped: 0 };
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

async function attemptsPerMinute(): Promise<TSystemStatus["attemptsPerMinute"]> {
  // LATERAL per tenant, so each probe is an index range on (tenant_id, minute); a plain join on
  // minute would scan the whole rollup table, which holds months of minutes per endpoint.
  const { rows } = await pool().query<{ minute: Date; succeeded: number; failed: number }>(
    `WITH minutes AS (
       SELECT generate_series(date_trunc('minute', now()) - interval '59 minutes', date_trunc('minute', now()), interval '1 minute') AS minute
     ), totals AS (
       SELECT s.minute, sum(s.succeeded)::int AS succeeded, sum(s.failed)::int AS failed
         FROM tenants t
         CROSS JOIN LATERAL (SELECT minute, succeeded, failed FROM endpoint_stats
                              WHERE tenant_id = t.id AND minute >= date_trunc('minute', now()) - interval '59 minutes') s
        GROUP BY s.minute
     )
     SELECT m.minute, coalesce(t.succeeded, 0) AS succeeded, coalesce(t.failed, 0) AS failed
       FROM minutes m LEFT JOIN totals t USING (minute) ORDER BY m.minute`,
  );
  return rows.map((row) => ({ minute: row.minute.toISOString(), succeeded: row.succeeded, failed: row.failed }));
}

interface WorkerRow {
  id: string;
  hostname: string;
  pid: number;
  version: string;
  started_at: Date;
  last_heartbeat_at: Date;
  stopped_at: Date | null;
  in_flight: number;
  stale: boolean;
}

async function workers(staleAfterMs: number): Promise<TSystemStatus["workers"]> {
  const { rows } = await pool().query<WorkerRow>(
    `SELECT id, hostname, pid, version, started_at, last_heartbeat_at, stopped_at, in_flight,
            last_heartbeat_at < now() - make_interval(secs => $1 / 1000.0) AS stale
       FROM worker_heartbeats
      WHERE stopped_at IS NULL OR last_heartbeat_at > now() - interval '1 day'
      ORDER BY last_heartbeat_at DESC LIMIT 100`,
    [staleAfterMs],
  );
  return rows.map((row) => ({
    id: row.id,
    hostname: row.hostname,
    pid: row.pid,
    version: row.version,
    startedAt: row.started_at.toISOString(),
    lastHeartbeatAt: row.last_heartbeat_at.toISOString(),
    stoppedAt: row.stopped_at?.toISOString() ?? null,
    inFlight: row.in_flight,
    state: row.stopped_at ? "stopped" : row.stale ? "stale" : "live",
  }));
}

interface FailingRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  url: string;
  failing_since: Date | null;
  failures_since_success: number;
  disabled_at: Date | null;
  disabled_reason: string | null;
}

async function failingEndpoints(): Promise<TSystemStatus["failingEndpoints"]> {
  const { rows } = await pool().query<FailingRow>(
    `SELECT e.id, e.tenant_id, t.name AS tenant_name, e.url, e.failing_since, e.failures_since_success, e.disabled_at, e.disabled_reason
       FROM endpoints e JOIN tenants t ON t.id = e.tenant_id
      WHERE e.failing_since IS NOT NULL OR e.disabled_at IS NOT NULL
      ORDER BY coalesce(e.failing_since, e.disabled_at) DESC LIMIT 20`,
  );
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    url: row.url,
    failingSince: row.failing_since?.toISOString() ?? null,
    failuresSinceSuccess: row.failures_since_success,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    disabledReason: row.disabled_reason,
  }));
}

/** The whole installation at a glance (operators only; the route checks that). */
export async function getSystemStatus(): Promise<TSystemStatus> {
  const now = new Date();
  const staleAfterMs = env().HOOKLINE_WORKER_HEARTBEAT_MS * 3;
  const [queue, last24h, perMinute, workerList, failing] = await Promise.all([
    queueNow(),
    lastDay(now),
    attemptsPerMinute(),
    workers(staleAfterMs),
    failingEndpoints(),
  ]);
  return {
    generatedAt: now.toISOString(),
    ...queue,
    last24h,
    attemptsPerMinute: perMinute,
    workers: workerList,
    staleAfterMs,
    failingEndpoints: failing,
    supervisor: getSupervisorStatus(),
  };
}
