// Worker heartbeats: each worker process upserts its row every few seconds; the health check
// and the system page read them. A row not refreshed for 3 intervals is a stale worker.
import "server-only";
import os from "node:os";
import { pool } from "@/lib/db";

export interface WorkerIdentity {
  id: string;
  version: string;
  startedAt: Date;
}

export async function recordHeartbeat(worker: WorkerIdentity, inFlight = 0): Promise<void> {
  await pool().query(
    `INSERT INTO worker_heartbeats (id, hostname, pid, version, started_at, last_heartbeat_at, in_flight)
     VALUES ($1, $2, $3, $4, $5, now(), $6)
     ON CONFLICT (id) DO UPDATE SET last_heartbeat_at = now(), in_flight = EXCLUDED.in_flight, stopped_at = NULL`,
    [worker.id, os.hostname(), process.pid, worker.version, worker.startedAt, inFlight],
  );
}

export async function recordStopped(workerId: string): Promise<void> {
  await pool().query(`UPDATE worker_heartbeats SET stopped_at = now(), in_flight = 0 WHERE id = $1`, [workerId]);
}

export interface WorkerSummary {
  lastHeartbeatAt: Date | null;
  alive: number;
}

/** Workers whose heartbeat is fresher than `staleAfterMs`, and the freshest heartbeat of all. */
export async function summarizeWorkers(staleAfterMs: number): Promise<WorkerSummary> {
  const { rows } = await pool().query<{ last: Date | null; alive: number }>(
    `SELECT max(last_heartbeat_at) AS last,
            count(*) FILTER (WHERE stopped_at IS NULL AND last_heartbeat_at > now() - make_interval(secs => $1 / 1000.0))::int AS alive
       FROM worker_heartbeats`,
    [staleAfterMs],
  );
  return { lastHeartbeatAt: rows[0]?.last ?? null, alive: rows[0]?.alive ?? 0 };
}
