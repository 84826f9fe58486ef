// What GET /api/health reports: can we reach the database, and when did a worker last beat.
import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { summarizeWorkers } from "@/lib/workers/heartbeat";

export interface Health {
  status: "ok" | "error";
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
      status: "ok",
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
