// A worker's maintenance loop for tests, with the settings a worker starts with (an hour
// between retention runs, a day's idempotency window, 400 days of statistics) and a silent log.
import pino from "pino";
import { newId } from "@/lib/ids";
import { Maintenance } from "@/worker/maintenance";

export function testMaintenance(): Maintenance {
  return new Maintenance({
    worker: { id: newId("worker"), version: "test", startedAt: new Date() },
    intervalMs: 60_000,
    autoDisableAfterMs: 60_000,
    autoDisableMinFailures: 3,
    idempotencyWindowMs: 86_400_000,
    statsRetentionDays: 400,
    retentionIntervalMs: 3_600_000,
    inFlight: () => 0,
    log: pino({ level: "silent" }),
  });
}
