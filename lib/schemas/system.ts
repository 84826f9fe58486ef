// The operator's view of the whole installation: the queue, the attempt rate, the workers and
// the tenants with their usage (GET /api/v1/system, GET /api/v1/system/tenants).
import { z } from "zod";
import { zId, zTime } from "./common";
import { ZTenantView } from "./tenants";

const count = z.number().int().min(0);

export const ZWorkerView = z.object({
  id: zId("worker"),
  hostname: z.string(),
  pid: z.number().int(),
  version: z.string(),
  startedAt: zTime,
  lastHeartbeatAt: zTime,
  stoppedAt: zTime.nullable(),
  /** Requests it had in flight at its last heartbeat. */
  inFlight: count,
  /** live: beating; stale: silent for 3 heartbeat intervals without having stopped; stopped: shut down cleanly. */
  state: z.enum(["live", "stale", "stopped"]),
});

export const ZFailingEndpointView = z.object({
  id: zId("endpoint"),
  tenantId: zId("tenant"),
  tenantName: z.string(),
  url: z.string(),
  failingSince: zTime.nullable(),
  failuresSinceSuccess: count,
  disabledAt: zTime.nullable(),
  disabledReason: z.string().nullable(),
});

/** One process run by `npm start`'s supervisor (scripts/start.ts). */
export const ZSupervisedProcessView = z.object({
  /** `database` (the embedded PostgreSQL), `web`, `worker` (`worker-1`, … with HOOKLINE_WORKERS > 1). */
  name: z.string(),
  /** restarting: it exited and is waiting for its restart; gave-up: the supervisor stopped trying. */
  state: z.enum(["starting", "running", "restarting", "stopped", "gave-up"]),
  pid: z.number().int().nullable(),
  /** When its current (or last) run started. */
  startedAt: zTime.nullable(),
  /** Restarts since `npm start` started. */
  restarts: count,
  /** Its last unexpected exit: the cause (`signal SIGKILL`, `exit code 1`), when, after how long up. */
  lastExit: z.object({ cause: z.string(), at: zTime, upForMs: z.number().min(0) }).nullable(),
  nextRestartAt: zTime.nullable(),
});

/** What `npm start`'s supervisor last reported (from its state file in the data directory). */
export const ZSupervisorView = z.object({
  hostname: z.string(),
  pid: z.number().int(),
  startedAt: zTime,
  updatedAt: zTime,
  /** False when that `npm start` is no longer running (the processes' states are its last word). */
  running: z.boolean(),
  processes: z.array(ZSupervisedProcessView),
});

export const ZSystemStatus = z.object({
  generatedAt: zTime,
  /** The queue right now: pending rows due (or overdue), pending rows waiting for a retry, rows being sent. */
  queue: z.object({ due: count, scheduled: count, sending: count }),
  /** When the longest-waiting due delivery became due, and how long ago that was (null: none due). */
  oldestDue: z.object({ since: zTime, ageMs: count }).nullable(),
  /** Deliveries created in the last 24 hours, by their status now. */
  last24h: z.object({ pending: count, sending: count, succeeded: count, failed: count, skipped: count }),
  /** Attempts per minute over the last hour (60 points, oldest first; minutes without any are 0). */
  attemptsPerMinute: z.array(z.object({ minute: zTime, succeeded: count, failed: count })),
  /** Workers seen in the last 24 hours, freshest first. */
  workers: z.array(ZWorkerView),
  /** A worker silent for this long is stale (3 × HOOKLINE_WORKER_HEARTBEAT_MS). */
  staleAfterMs: count,
  /** Endpoints failing right now or disabled, most recently failing first (at most 20). */
  failingEndpoints: z.array(ZFailingEndpointView),
  /** The processes `npm start` supervises, with their restarts; null when web was not started by `npm start`. */
  supervisor: ZSupervisorView.nullable(),
});
export type TSystemStatus = z.infer<typeof ZSystemStatus>;
export type TSupervisedProcessView = z.infer<typeof ZSupervisedProcessView>;

export const ZTenantUsageView = ZTenantView.extend({
  usage: z.object({ endpoints: count, messages24h: count, members: count }),
});
export type TTenantUsageView = z.infer<typeof ZTenantUsageView>;
