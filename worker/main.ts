// The worker process: `npm run worker` (or started by `npm start`). Any number of workers may
// run against one database. On SIGTERM/SIGINT it stops claiming, lets in-flight requests finish
// within the grace period (then gives their rows back), stores every result and exits 0.
import { closeDb } from "@/lib/db";
import { releaseLeasesOf } from "@/lib/queue/leases";
import { parseRetrySchedule } from "@/lib/queue/retry-policy";
import { queueDepth } from "@/lib/queue/queue-depth";
import { webhookAgent } from "@/lib/sending/webhook-agent";
import { registerWorkerGauges } from "@/lib/metrics/worker-metrics";
import { ensureOperationalEventTypes } from "@/lib/operational-webhooks/operational-event-types";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { HOOKLINE_VERSION } from "@/lib/version";
import { ensureJwtKeys } from "@/lib/signing/jwt-keys";
import { recordStopped } from "@/lib/workers/heartbeat";
import { DeliveryWorker } from "./delivery-worker";
import { startMetricsServer } from "./metrics-server";
import { Maintenance } from "./maintenance";
import { watchParent } from "./watch-parent";
import { startTracing, stopTracing } from "@/lib/tracing/tracing";

const settings = env();
const identity = {
  id: settings.HOOKLINE_WORKER_ID ?? newId("worker"),
  version: HOOKLINE_VERSION,
  startedAt: new Date(),
};
const log = logger.child({ workerId: identity.id });

const deliveries = new DeliveryWorker({
  workerId: identity.id,
  connectionString: settings.DATABASE_URL!,
  dispatcher: webhookAgent(),
  schedule: parseRetrySchedule(settings.HOOKLINE_RETRY_SCHEDULE),
  concurrency: settings.HOOKLINE_WORKER_CONCURRENCY,
  endpointConcurrency: settings.HOOKLINE_ENDPOINT_CONCURRENCY,
  claimBatch: settings.HOOKLINE_CLAIM_BATCH,
  leaseMs: settings.HOOKLINE_LEASE_MS,
  pollIntervalMs: settings.HOOKLINE_POLL_INTERVAL_MS,
  requestTimeoutMs: settings.HOOKLINE_REQUEST_TIMEOUT_MS,
  responseBodyLimit: settings.HOOKLINE_RESPONSE_BODY_LIMIT,
  log,
});
const maintenance = new Maintenance({
  worker: identity,
  intervalMs: settings.HOOKLINE_WORKER_HEARTBEAT_MS,
  autoDisableAfterMs: settings.HOOKLINE_AUTO_DISABLE_AFTER_MS,
  autoDisableMinFailures: settings.HOOKLINE_AUTO_DISABLE_MIN_FAILURES,
  idempotencyWindowMs: settings.HOOKLINE_IDEMPOTENCY_WINDOW_MS,
  statsRetentionDays: settings.HOOKLINE_STATS_RETENTION_DAYS,
  retentionIntervalMs: settings.HOOKLINE_RETENTION_INTERVAL_MS,
  inFlight: () => deliveries.inFlight,
  log,
});

let stopping = false;
async function shutdown(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ reason }, "worker stopping");
  await deliveries.stop(settings.HOOKLINE_WORKER_SHUTDOWN_GRACE_MS);
  await maintenance.stop();
  metricsServer?.close();
  await recordStopped(identity.id).catch(() => undefined);
  await closeDb();
  await stopTracing().catch(() => undefined);
  log.info({ sent: deliveries.counts.sent }, "worker stopped");
  process.exit(0);
}

registerWorkerGauges({
  inFlight: () => deliveries.inFlight,
  leaseRecoveries: () => maintenance.leaseRecoveries,
  rateLimitedWaits: () => deliveries.rateLimitedWaits,
  queue: queueDepth,
});
const metricsServer = settings.HOOKLINE_WORKER_METRICS_PORT
  ? startMetricsServer({
      port: settings.HOOKLINE_WORKER_METRICS_PORT,
      host: settings.HOOKLINE_HOST,
      token: settings.HOOKLINE_METRICS_TOKEN,
      log,
    })
  : undefined;

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
watchParent(() => void shutdown("parent exited"));
// The operational event types exist in every catalog, so tenants can subscribe to them.
await ensureOperationalEventTypes().catch((error: unknown) =>
  log.warn({ err: error }, "could not add the operational event types to the catalog"),
);
// Receiver-JWT signing keys exist from the first start on (later rotations: npm run keys:rotate-jwt).
await ensureJwtKeys().then(
  (created) => created.length && log.info({ kids: created }, "generated the receiver-JWT signing keys"),
  (error: unknown) => log.warn({ err: error }, "could not generate the receiver-JWT signing keys"),
);
// Restarted by `npm start` after a crash: what the dead worker held is due again now (not in up
// to HOOKLINE_LEASE_MS). Best effort: if the database is away too, the leases still run out.
if (settings.HOOKLINE_REPLACES_WORKER_IDS?.length) {
  const replaced = settings.HOOKLINE_REPLACES_WORKER_IDS;
  await releaseLeasesOf(replaced).then(
    (released) => log.info({ replaced, released }, "returned the deliveries of the workers this one replaces"),
    (error: unknown) => log.warn({ err: error, replaced }, "could not return the replaced workers' deliveries"),
  );
}
// OpenTelemetry, when the OTEL_* variables ask for it (lib/tracing).
await startTracing("hookline-worker");
maintenance.start();
deliveries.start();
log.info(
  { version: HOOKLINE_VERSION, pid: process.pid, concurrency: settings.HOOKLINE_WORKER_CONCURRENCY },
  "worker started",
);
