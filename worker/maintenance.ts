// The worker's housekeeping, on a timer: heartbeat, take back expired leases, disable endpoints
// that have failed for too long, forget old idempotency keys, and (every retention interval, one
// worker at a time) purge data past its retention. Every task is a single idempotent
// statement (or bounded batch), so every worker runs them all and nothing needs a leader.
import type { Logger } from "pino";
import { disableFailingEndpoints } from "@/lib/deliveries/disable-failing-endpoints";
import { releaseExpiredLeases } from "@/lib/deliveries/leases";
import { purgeIdempotencyKeys } from "@/lib/messages/purge-idempotency-keys";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { recordHeartbeat, type WorkerIdentity } from "@/lib/workers/heartbeat";

export interface MaintenanceOptions {
  worker: WorkerIdentity;
  intervalMs: number;
  autoDisableAfterMs: number;
  autoDisableMinFailures: number;
  idempotencyWindowMs: number;
  statsRetentionDays: number;
  retentionIntervalMs: number;
  inFlight: () => number;
  log: Logger;
}

export class Maintenance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Rows taken back from dead workers, for logs and metrics. */
  leaseRecoveries = 0;
  private lastPurge = 0;

  constructor(private readonly options: MaintenanceOptions) {}

  start(): void {
    const tick = () => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
    };
    tick();
    this.timer = setInterval(() => {
      if (!this.running) tick();
    }, this.options.intervalMs);
  }

  async runOnce(): Promise<void> {
    const { log } = this.options;
    const task = async (name: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        // The database may be restarting; the next tick tries again.
        log.warn({ err: error, task: name }, "maintenance task failed");
      }
    };
    await task("heartbeat", () => recordHeartbeat(this.options.worker, this.options.inFlight()));
    await task("release expired leases", async () => {
      const released = await releaseExpiredLeases();
      if (released) {
        this.leaseRecoveries += released;
        log.info({ released }, "returned deliveries with expired leases to the queue");
      }
    });
    await task("disable failing endpoints", async () => {
      const disabled = await disableFailingEndpoints(this.options.autoDisableAfterMs, this.options.autoDisableMinFailures);
      for (const endpoint of disabled) log.info(endpoint, "disabled an endpoint that kept failing");
    });
    await task("purge idempotency keys", () => purgeIdempotencyKeys(this.options.idempotencyWindowMs));
    if (Date.now() - this.lastPurge >= this.options.retentionIntervalMs) {
      this.lastPurge = Date.now();
      await task("retention", async () => {
        const purged = await purgeExpiredData({ statsRetentionDays: this.options.statsRetentionDays });
        if (purged.attempts + purged.deliveries + purged.messages + purged.stats > 0) log.info(purged, "purged data past its retention");
      });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
