// What a worker reports. Queue depth and the oldest due delivery are read from the database at
// scrape time (counts over the partial indexes of pending and sending rows: cheap however many
// deliveries are done).
import client from "prom-client";
import { metric } from "./registry";

export const deliveryOutcomes = () =>
  metric(
    "hookline_deliveries_total",
    (registers) =>
      new client.Counter({
        name: "hookline_deliveries_total",
        help: "Delivery tries by outcome",
        labelNames: ["outcome"] as const,
        registers,
      }),
  );

export const attemptDuration = () =>
  metric(
    "hookline_attempt_duration_seconds",
    (registers) =>
      new client.Histogram({
        name: "hookline_attempt_duration_seconds",
        help: "Duration of HTTP tries to receivers",
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60],
        registers,
      }),
  );

export const claimBatchSize = () =>
  metric(
    "hookline_claim_batch_size",
    (registers) =>
      new client.Histogram({
        name: "hookline_claim_batch_size",
        help: "Deliveries claimed per claim query",
        buckets: [1, 4, 16, 64, 128, 256, 512, 1024],
        registers,
      }),
  );

export interface WorkerGaugeSources {
  inFlight: () => number;
  leaseRecoveries: () => number;
  rateLimitedWaits: () => number;
  queue: () => Promise<{ pending: number; due: number; sending: number; oldestDueSeconds: number }>;
}

/** Gauges whose values are read when Prometheus scrapes. */
export function registerWorkerGauges(sources: WorkerGaugeSources): void {
  metric(
    "hookline_deliveries_in_flight",
    (registers) =>
      new client.Gauge({
        name: "hookline_deliveries_in_flight",
        help: "HTTP tries in progress in this worker",
        registers,
        collect() {
          this.set(sources.inFlight());
        },
      }),
  );
  metric(
    "hookline_lease_recoveries_total",
    (registers) =>
      new client.Counter({
        name: "hookline_lease_recoveries_total",
        help: "Deliveries taken back from workers whose lease ran out",
        registers,
        collect() {
          this.reset();
          this.inc(sources.leaseRecoveries());
        },
      }),
  );
  metric(
    "hookline_rate_limited_waits_total",
    (registers) =>
      new client.Counter({
        name: "hookline_rate_limited_waits_total",
        help: "Times a delivery waited for an endpoint's rate limit",
        registers,
        collect() {
          this.reset();
          this.inc(sources.rateLimitedWaits());
        },
      }),
  );
  metric<client.Gauge>(
    "hookline_oldest_due_pending_seconds",
    (registers) =>
      new client.Gauge({
        name: "hookline_oldest_due_pending_seconds",
        help: "Age of the oldest pending delivery that is due",
        registers,
        async collect() {
          this.set((await sources.queue()).oldestDueSeconds);
        },
      }),
  );
  metric(
    "hookline_queue_depth",
    (registers) =>
      new client.Gauge({
        name: "hookline_queue_depth",
        help: "Deliveries not yet settled, by state (due = pending and due now)",
        labelNames: ["status"] as const,
        registers,
        async collect() {
          const queue = await sources.queue();
          this.set({ status: "pending" }, queue.pending);
          this.set({ status: "due" }, queue.due);
          this.set({ status: "sending" }, queue.sending);
        },
      }),
  );
}
