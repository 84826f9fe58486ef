// Keeps one slow receiver from starving the rest (DESIGN.md step 6). Every endpoint gets a
// gate: at most `maxConcurrency` requests in flight to it from this worker, at most `rateLimit`
// requests per second (a token bucket), and a local queue for what waits. The worker's global
// concurrency limit is shared round-robin across gates, so a healthy endpoint's deliveries never
// queue behind a hanging one's.

export interface GateLimits {
  maxConcurrency: number;
  /** Requests per second; null for none. */
  rateLimit: number | null;
}

type Task = { id: string; run: () => Promise<void> };

class Gate {
  readonly queue: Task[] = [];
  active = 0;
  private tokens: number;
  private refilledAt = performance.now();

  constructor(public limits: GateLimits) {
    this.tokens = limits.rateLimit ?? 0;
  }

  /** Ms until this gate may start another task (0 = now, Infinity = at its concurrency cap). */
  waitMs(now: number): number {
    if (this.active >= this.limits.maxConcurrency) return Infinity;
    const rate = this.limits.rateLimit;
    if (rate === null) return 0;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) / 1_000) * rate);
    this.refilledAt = now;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / rate) * 1_000);
  }

  /**
   * Nothing queued or running, and (for a rate-limited endpoint) the bucket is full again: the
   * gate can be forgotten without handing the endpoint a fresh burst it has not earned.
   */
  isIdle(now: number): boolean {
    if (this.queue.length || this.active) return false;
    return this.limits.rateLimit === null || (this.waitMs(now) === 0 && this.tokens >= this.limits.rateLimit);
  }

  take(): Task {
    if (this.limits.rateLimit !== null) this.tokens -= 1;
    this.active++;
    return this.queue.shift()!;
  }
}

export class EndpointGates {
  private readonly gates = new Map<string, Gate>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Rate-limited waits, for metrics. */
  rateLimitedWaits = 0;

  constructor(private readonly globalConcurrency: number) {}

  get inFlight(): number {
    return this.active;
  }

  enqueue(endpointId: string, limits: GateLimits, task: Task): void {
    let gate = this.gates.get(endpointId);
    if (!gate) {
      gate = new Gate(limits);
      // A new gate has never been served: it goes to the front of the service order.
      const order = [...this.gates];
      this.gates.clear();
      this.gates.set(endpointId, gate);
      for (const [id, other] of order) this.gates.set(id, other);
    }
    gate.limits = limits;
    gate.queue.push(task);
    this.pump();
  }

  /** Endpoints with a full concurrency's worth of tasks already waiting: claim no more of them for now. */
  saturated(): string[] {
    return [...this.gates].filter(([, gate]) => gate.queue.length >= gate.limits.maxConcurrency).map(([id]) => id);
  }

  /** Removes every task that has not started (a stopping worker gives them back). */
  drainQueued(): string[] {
    const ids: string[] = [];
    for (const gate of this.gates.values()) ids.push(...gate.queue.splice(0).map((task) => task.id));
    return ids;
  }

  /**
   * Starts what may start. The map's order is the service order: a gate that just started a task
   * moves to the back, so freed slots go round-robin across endpoints instead of always to the
   * first (busiest) one.
   */
  private pump(): void {
    const now = performance.now();
    let soonest = Infinity;
    let started = true;
    while (started && this.active < this.globalConcurrency) {
      started = false;
      for (const [endpointId, gate] of [...this.gates]) {
        if (this.active >= this.globalConcurrency) break;
        if (!gate.queue.length) {
          if (gate.isIdle(now)) this.gates.delete(endpointId);
          continue;
        }
        const wait = gate.waitMs(now);
        if (wait > 0) {
          if (wait !== Infinity) {
            soonest = Math.min(soonest, wait);
            this.rateLimitedWaits++;
          }
          continue;
        }
        this.start(gate, gate.take());
        this.gates.delete(endpointId);
        this.gates.set(endpointId, gate);
        started = true;
      }
    }
    if (soonest !== Infinity && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, soonest);
    }
  }

  private start(gate: Gate, task: Task): void {
    this.active++;
    void task.run().finally(() => {
      this.active--;
      gate.active--;
      this.pump();
    });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
