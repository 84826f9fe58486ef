// What GET /api/health reports: can we reach the database, and are workers alive. "degraded"
// (still 200) means the database answers but no worker has beaten lately: publishing works and
// nothing is lost, but nothing is delivered until a worker is back (under `npm start` the
// supervisor is restarting it). Only an unreachable database is an error (503): that is the one
// state in which this web process cannot serve, so it is what a load balancer should act on.
import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { summarizeWorkers } from "@/lib/workers/heartbeat";

export interface Health {
  status: "ok" | "degraded" | "error";
  database: "ok" | "unreachable";
  worker: { lastHeartbeatAt: string | null; alive: number; stale: boolean } | null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

export async function getHealth(): Promise<Health> {
  const staleAfterMs = env().HOOKLINE_WORKER_HEARTBEAT_MS * 3;
  try {
    await withTimeout(pool().query("SELECT 1"), 3_000);
    const workers = await withTimeout(summarizeWorkers(staleAfterMs), 3_000);
    return {
      status: workers.alive === 0 ? "degraded" : "ok",
      database: "ok",
      worker: {
        lastHeartbeatAt: workers.lastHeartbeatAt?.toISOString() ?? null,
        alive: workers.alive,
        stale: workers.alive === 0,
      },
    };
  } catch {
    return { status: "error", database: "unreachable", worker: null };
  }
}
