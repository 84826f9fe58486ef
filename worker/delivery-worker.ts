// The delivery loop of one worker process: claim due deliveries in batches, send them through
// the endpoint gates with bounded concurrency, record results in batches, repeat. Wakes on
// NOTIFY and polls as a fallback. Everything it reads from the database is treated as untrusted
// input (a bad row fails its delivery, never the worker), and every step is idempotent.
import type { Dispatcher } from "undici";
import type { Logger } from "pino";
import { claimDeliveries, type ClaimedDelivery } from "@/lib/queue/claim-deliveries";
import { attemptRecord } from "@/lib/recording/attempt-record";
import { failClaimedDeliveries } from "@/lib/queue/fail-claimed-deliveries";
import { extendLeases, releaseDeliveries } from "@/lib/queue/leases";
import { planNextState, type NextState } from "@/lib/queue/plan-next-state";
import { attemptDuration, claimBatchSize, deliveryOutcomes } from "@/lib/metrics/worker-metrics";
import { tryDelivery } from "@/lib/sending/try-delivery";
import { EndpointGates } from "./endpoint-gates";
import { NotificationListener } from "./notification-listener";
import { ResultBuffer } from "./result-buffer";

/** The outcome label of hookline_deliveries_total: succeeded | failed | retry | ssrf_blocked | skipped. */
function outcomeLabel(next: NextState): string {
  if (next.status === "pending") return "retry";
  if (next.outcome.result === "failed" && next.outcome.reason === "ssrf_blocked") return "ssrf_blocked";
  return next.status;
}

/** The most attempts recorded in one transaction, and the most sent rows waiting for it. */
export const RECORD_BATCH = 500;

export interface DeliveryWorkerOptions {
  workerId: string;
  connectionString: string;
  dispatcher: Dispatcher;
  /** HOOKLINE_RETRY_SCHEDULE: for deliveries created without a schedule of their own. */
  schedule: readonly number[];
  concurrency: number;
  endpointConcurrency: number;
  claimBatch: number;
  leaseMs: number;
  pollIntervalMs: number;
  requestTimeoutMs: number;
  responseBodyLimit: number;
  log: Logger;
}

export class DeliveryWorker {
  private readonly held = new Map<string, ClaimedDelivery>();
  /**
   * When the lease of each held row runs out, as far as this worker can tell: reckoned from
   * before the claim or extension was sent, so never later than the database's lease_until.
   */
  private readonly leaseEnds = new Map<string, number>();
  private readonly gates: EndpointGates;
  private readonly buffer: ResultBuffer;
  private readonly listener: NotificationListener;
  private readonly cancel = new AbortController();
  private stopping = false;
  private wake: (() => void) | undefined;
  /** A notice came since the last claim started (see notify). */
  private woken = false;
  /** The last claim took all it asked for: more is probably due. */
  private moreDue = false;
  /**
   * The endpoint of each try that answered 410 Gone, by delivery, until that result is stored
   * (which disables the endpoint and fails its pending rows): claims skip those endpoints.
   */
  private readonly goneBy = new Map<string, string>();
  /**
   * When each endpoint last answered 410 Gone. A row claimed before that (held, queued behind
   * the gates, or in a claim still under way) is given back instead of sent, whenever its turn
   * comes; rows claimed after it see the endpoint disabled, or a re-enabled endpoint. Kept for
   * a lease period: by then every row claimed before it is gone from this worker's hands.
   */
  private readonly goneAt = new Map<string, number>();
  /** When the claim that took each row in hand started. */
  private readonly claimedAt = new Map<string, number>();
  private loop: Promise<void> | undefined;
  private leaseTimer: NodeJS.Timeout | undefined;
  /** Counters for logs and metrics. */
  readonly counts = { claimed: 0, sent: 0, claimBatches: 0, lapsed: 0 };
  /** The metrics of every try, looked up once (a registry lookup and a label hash per try showed in profiles). */
  private readonly attemptSeconds = attemptDuration();
  private readonly outcomeCounters = new Map<string, { inc(): void }>();

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.gates = new EndpointGates(options.concurrency);
    this.buffer = new ResultBuffer({
      leaseOwner: options.workerId,
      maxBatch: RECORD_BATCH,
      maxDelayMs: 10,
      log: options.log,
      onStored: (ids) => {
        for (const id of ids) {
          this.forget(id);
          this.goneBy.delete(id); // a 410 recorded: the endpoint is disabled, its pending rows failed
        }
        this.notify();
      },
    });
    this.listener = new NotificationListener(options.connectionString, () => this.notify(), options.log);
  }

  get inFlight(): number {
    return this.gates.inFlight;
  }

  get rateLimitedWaits(): number {
    return this.gates.rateLimitedWaits;
  }

  start(): void {
    this.listener.start();
    this.loop = this.run();
    // Keep the leases of everything in hand fresh, well before they run out.
    this.leaseTimer = setInterval(
      () => {
        const asked = Date.now();
        extendLeases(this.options.workerId, [...this.held.keys()], this.options.leaseMs)
          .then((extended) => {
            for (const id of extended) if (this.held.has(id)) this.leaseEnds.set(id, asked + this.options.leaseMs);
            for (const [endpointId, at] of this.goneAt)
              if (at < asked - this.options.leaseMs) this.goneAt.delete(endpointId);
          })
          .catch((error: unknown) => this.options.log.warn({ err: error }, "could not extend leases"));
      },
      Math.max(1_000, Math.floor(this.options.leaseMs / 3)),
    );
  }

  private forget(id: string): void {
    this.held.delete(id);
    this.leaseEnds.delete(id);
    this.claimedAt.delete(id);
  }

  /**
   * Asks the claim loop to go round again: at once if it sleeps, else as soon as its claim in
   * flight returns (a notice that arrives during a claim is not lost: the claim may have read
   * the queue before the rows it announces were there).
   */
  private notify(): void {
    this.woken = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const room = this.room();
      let claimed: ClaimedDelivery[] = [];
      this.woken = false; // this claim reads whatever was announced so far
      if (room > 0) {
        const asked = Date.now();
        try {
          claimed = await claimDeliveries({
            workerId: this.options.workerId,
            limit: room,
            leaseMs: this.options.leaseMs,
            skipEndpointIds: this.goneBy.size
              ? [...this.gates.saturated(), ...this.goneBy.values()]
              : this.gates.saturated(),
          });
        } catch (error) {
          this.options.log.warn({ err: error }, "could not claim deliveries");
          this.woken = false; // back off even if results were stored meanwhile
          await this.sleep(Math.min(this.options.pollIntervalMs, 1_000));
          continue;
        }
        // Fewer than asked: nothing more was claimable then. A freed slot changes nothing about
        // that (a FIFO key moves on when its head is recorded, which notifies by itself).
        this.moreDue = claimed.length === room;
        if (claimed.length) {
          this.counts.claimBatches++;
          this.counts.claimed += claimed.length;
          claimBatchSize().observe(claimed.length);
        }
        this.dispatch(claimed, asked);
      }
      if (this.stopping) break;
      // A full batch means more is probably due: go again at once. Otherwise wait for a
      // notification, a freed slot (onStored) or the poll interval.
      if (claimed.length === room && room > 0) continue;
      await this.sleep(this.options.pollIntervalMs);
    }
  }

  /**
   * How many rows the next claim may take. Up to two rounds of unsent work are held (one in
   * flight, one queued behind the gates); rows already sent and waiting for their batch to be
   * recorded do not count against that, so sending goes on while a batch commits, but at most
   * one recording batch of them (RECORD_BATCH) may wait: a slow database stops the claims.
   */
  private room(): number {
    const recording = this.buffer.size;
    if (recording >= RECORD_BATCH) return 0;
    const unsent = this.held.size - recording;
    return Math.max(0, Math.min(this.options.concurrency * 2 - unsent, this.options.claimBatch));
  }

  private dispatch(claimed: ClaimedDelivery[], asked: number): void {
    const disabled: string[] = [];
    for (const delivery of claimed) {
      this.held.set(delivery.id, delivery);
      this.leaseEnds.set(delivery.id, asked + this.options.leaseMs);
      this.claimedAt.set(delivery.id, asked);
      if (delivery.endpoint.disabled) {
        disabled.push(delivery.id);
        continue;
      }
      const limits = {
        maxConcurrency: delivery.endpoint.maxConcurrency ?? this.options.endpointConcurrency,
        rateLimit: delivery.endpoint.rateLimit,
      };
      this.gates.enqueue(delivery.endpointId, limits, { id: delivery.id, run: () => this.deliver(delivery) });
    }
    if (disabled.length) {
      failClaimedDeliveries(this.options.workerId, disabled, "endpoint disabled")
        .catch((error: unknown) =>
          this.options.log.warn({ err: error }, "could not settle deliveries of a disabled endpoint"),
        )
        .finally(() => {
          for (const id of disabled) this.forget(id);
        });
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const log = this.options.log;
    const goneAt = this.goneAt.get(delivery.endpointId);
    if (goneAt !== undefined && (this.claimedAt.get(delivery.id) ?? 0) <= goneAt) {
      // Its receiver just answered 410 Gone. Given back, the row is failed with the endpoint's
      // other pending rows (or, claimed again once the endpoint is disabled, as disabled).
      await releaseDeliveries(this.options.workerId, [delivery.id])
        .catch((error: unknown) => log.warn({ err: error }, "could not give back a delivery"))
        .finally(() => this.forget(delivery.id));
      return;
    }
    if (Date.now() >= (this.leaseEnds.get(delivery.id) ?? 0)) {
      // Its lease ran out while it waited for its turn (this process was frozen or paused, or
      // could not reach the database to extend it): another worker may be sending it already.
      // Sending it too would be a duplicate; give it back instead (a no-op if it was taken).
      this.counts.lapsed++;
      log.warn({ deliveryId: delivery.id }, "lease ran out before the delivery was sent; giving it back");
      await releaseDeliveries(this.options.workerId, [delivery.id])
        .catch((error: unknown) => log.warn({ err: error }, "could not give back a delivery"))
        .finally(() => {
          this.forget(delivery.id);
          this.notify();
        });
      return;
    }
    const toSend = { ...delivery, deliveryId: delivery.id, attemptNumber: delivery.attemptCount + 1 };
    const tried = await tryDelivery(toSend, {
      defaultTimeoutMs: this.options.requestTimeoutMs,
      responseBodyLimit: this.options.responseBodyLimit,
      dispatcher: this.options.dispatcher,
      signal: this.cancel.signal,
      log,
    });
    const { response } = tried;
    if (response.cancelled) return; // shutting down: stop() gives the row back
    this.counts.sent++;
    const next = planNextState(response, delivery.scheduledTries, delivery.retrySchedule ?? this.options.schedule);
    if (next.disableEndpoint) {
      this.goneBy.set(delivery.id, delivery.endpointId);
      this.goneAt.set(delivery.endpointId, Date.now());
    }
    this.attemptSeconds.observe(response.durationMs / 1_000);
    this.outcomeCounter(outcomeLabel(next)).inc();
    log.debug(
      {
        messageId: delivery.messageId,
        deliveryId: delivery.id,
        endpointId: delivery.endpointId,
        status: response.status,
        errorKind: response.errorKind,
        next: next.status,
      },
      "attempt finished",
    );
    this.buffer.add(attemptRecord(toSend, tried, delivery.recovered ? "recovered" : "scheduled", next));
    // Down to one round of unsent work: claim the next (a claim of at least `concurrency` rows),
    // if the last claim left some behind.
    if (this.moreDue && this.held.size - this.buffer.size <= this.options.concurrency) this.notify();
  }

  private outcomeCounter(outcome: string): { inc(): void } {
    let counter = this.outcomeCounters.get(outcome);
    if (!counter) this.outcomeCounters.set(outcome, (counter = deliveryOutcomes().labels({ outcome })));
    return counter;
  }

  /**
   * Graceful stop: claim nothing more, give back what has not started, let what is in flight
   * finish within `graceMs` (then cancel it and give it back too), and store every result.
   */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.listener.stop();
    await this.loop;
    const queued = this.gates.drainQueued();
    await releaseDeliveries(this.options.workerId, queued).catch(() => undefined);
    for (const id of queued) this.forget(id);

    const deadline = Date.now() + graceMs;
    while (this.gates.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (this.gates.inFlight > 0) {
      this.cancel.abort();
      while (this.gates.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.gates.stop();
    await this.buffer.flush(Math.max(5_000, deadline - Date.now()));
    clearInterval(this.leaseTimer);
    // Whatever is still in hand was cancelled mid-flight or could not be recorded: give it back.
    await releaseDeliveries(this.options.workerId, [...this.held.keys()]).catch(() => undefined);
  }
}
