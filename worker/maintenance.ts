// The worker's housekeeping, on a timer: heartbeat, take back expired leases, disable endpoints
// that have failed for too long, announce client certificates about to expire (once a day per
// endpoint), forget old idempotency keys, count the messages of every hour
// that has closed (once per hour and whenever a round was cut short, one worker at a time), once a
// minute sample every endpoint's backlog and evaluate the health alerts (one worker at a time), and
// (every retention interval, one worker at a time) purge data past its retention; once a minute
// (one worker at a time) keep the time partitions of messages, deliveries and attempts created
// ahead and their default partitions drained (lib/database/partitions.ts). Every task is a single idempotent
// statement (or bounded batch), so every worker runs them all and nothing needs a leader.
import type { Logger } from "pino";
import { announceExpiringCertificates } from "@/lib/endpoints/announce-expiring-certificates";
import { disableFailingEndpoints } from "@/lib/recording/disable-failing-endpoints";
import { releaseExpiredLeases } from "@/lib/queue/leases";
import { purgeIdempotencyKeys } from "@/lib/messages/purge-idempotency-keys";
import { closedHoursEnd, rollUpMessageCounts } from "@/lib/stats/roll-up-message-counts";
import { purgeExpiredData } from "@/lib/retention/purge-expired-data";
import { recordHeartbeat, type WorkerIdentity } from "@/lib/workers/heartbeat";
import { sampleBacklog } from "@/lib/backlog/sample-backlog";
import { alertSettingsFromEnv, evaluateHealthAlerts, type AlertSettings } from "@/lib/incidents/evaluate-health-alerts";
import { ensurePartitions } from "@/lib/database/partitions";
import { env } from "@/lib/env";

export interface MaintenanceOptions {
  worker: WorkerIdentity;
  intervalMs: number;
  autoDisableAfterMs: number;
  autoDisableMinFailures: number;
  idempotencyWindowMs: number;
  statsRetentionDays: number;
  retentionIntervalMs: number;
  /** Health alert thresholds; default: HOOKLINE_ALERT_*. */
  alerts?: AlertSettings;
  /** Partition size and how far ahead partitions exist; default: HOOKLINE_PARTITION_DAYS, HOOKLINE_PARTITIONS_AHEAD_DAYS. */
  partitions?: { days: number; aheadDays: number };
  inFlight: () => number;
  log: Logger;
}

export class Maintenance {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Rows taken back from dead workers, for logs and metrics. */
  leaseRecoveries = 0;
  private lastPurge = 0;
  /** The minute (ms) whose backlog sample and alert round this process last ran. */
  private lastHealthMinute = 0;
  /** The minute (ms) this process last looked after the partitions. */
  private lastPartitionMinute = 0;
  /** Closed hours before this (ms) have all been counted, as far as this process knows. */
  private messageCountsDoneUntil = 0;

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
      const disabled = await disableFailingEndpoints(
        this.options.autoDisableAfterMs,
        this.options.autoDisableMinFailures,
      );
      for (const endpoint of disabled) log.info(endpoint, "disabled an endpoint that kept failing");
    });
    await task("announce expiring certificates", async () => {
      const announced = await announceExpiringCertificates();
      if (announced) log.info({ announced }, "announced client certificates that expire soon");
    });
    await task("purge idempotency keys", () => purgeIdempotencyKeys(this.options.idempotencyWindowMs));
    const closedEnd = closedHoursEnd(new Date());
    if (closedEnd > this.messageCountsDoneUntil) {
      await task("roll up message counts", async () => {
        const rolled = await rollUpMessageCounts();
        // Another worker holding the lock may still be at it: look again next tick.
        if (rolled.ran && rolled.complete) this.messageCountsDoneUntil = closedEnd;
        if (rolled.hours > 0) log.info({ hours: rolled.hours }, "counted the messages of closed hours");
      });
    }
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    if (minute > this.lastHealthMinute) {
      this.lastHealthMinute = minute;
      await task("sample backlog", () => sampleBacklog());
      await task("health alerts", async () => {
        const alerts = await evaluateHealthAlerts(this.options.alerts ?? alertSettingsFromEnv());
        if (alerts && alerts.opened + alerts.resolved > 0) log.info(alerts, "health alerts changed");
      });
    }
    if (minute > this.lastPartitionMinute) {
      await task("partitions", async () => {
        const settings = this.options.partitions ?? {
          days: env().HOOKLINE_PARTITION_DAYS,
          aheadDays: env().HOOKLINE_PARTITIONS_AHEAD_DAYS,
        };
        const partitions = await ensurePartitions({ partitionDays: settings.days, aheadDays: settings.aheadDays });
        // Another worker holding the lock did it (or is at it): done for this minute either way.
        this.lastPartitionMinute = minute;
        if (partitions.created.length) log.info(partitions, "created time partitions");
      });
    }
    if (Date.now() - this.lastPurge >= this.options.retentionIntervalMs) {
      this.lastPurge = Date.now();
      await task("retention", async () => {
        const purged = await purgeExpiredData({ statsRetentionDays: this.options.statsRetentionDays });
        if (
          purged.attempts +
            purged.deliveries +
            purged.messages +
            purged.stats +
            purged.hourlyStats +
            purged.messageCounts >
          0
        )
          log.info(purged, "purged data past its retention");
      });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
