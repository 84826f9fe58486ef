// Collects finished attempts and writes them in batches (lib/recording/record-attempts.ts):
// one transaction per batch instead of one per try. A failed write (database restarting) is
// retried with backoff; nothing is dropped. Only one write runs at a time, and what arrives
// during it goes into the next batch.
import type { Logger } from "pino";
import type { AttemptRecord } from "@/lib/recording/attempt-record";
import { recordAttempts } from "@/lib/recording/record-attempts";

export interface ResultBufferOptions {
  leaseOwner: string;
  maxBatch: number;
  maxDelayMs: number;
  log: Logger;
  /** Called with the delivery ids of every batch once it is stored. */
  onStored: (deliveryIds: string[]) => void;
}

export class ResultBuffer {
  private pending: AttemptRecord[] = [];
  private writing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(private readonly options: ResultBufferOptions) {}

  get size(): number {
    return this.pending.length;
  }

  add(record: AttemptRecord): void {
    this.pending.push(record);
    if (this.pending.length >= this.options.maxBatch) this.kick(0);
    else this.kick(this.options.maxDelayMs);
  }

  private kick(delayMs: number): void {
    if (this.writing) return; // the running write picks the rest up when it finishes
    if (delayMs === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.startWrite();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.startWrite();
    }, delayMs);
  }

  private startWrite(): void {
    if (this.writing) return;
    const writing = this.write().finally(() => {
      if (this.writing === writing) this.writing = undefined;
    });
    this.writing = writing;
  }

  private async write(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.slice(0, this.options.maxBatch);
      try {
        await recordAttempts(batch, this.options.leaseOwner);
        this.pending.splice(0, batch.length);
        this.failures = 0;
        this.options.onStored(batch.map((record) => record.deliveryId));
      } catch (error) {
        this.failures++;
        const backoff = Math.min(5_000, 100 * 2 ** Math.min(this.failures, 6));
        this.options.log.warn(
          { err: error, batch: batch.length, retryInMs: backoff },
          "could not record attempts; will retry",
        );
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  /** Writes everything buffered; resolves when stored or when `timeoutMs` has passed. */
  async flush(timeoutMs: number): Promise<boolean> {
    this.kick(0);
    const deadline = Date.now() + timeoutMs;
    while ((this.writing || this.pending.length) && Date.now() < deadline) {
      await Promise.race([this.writing, new Promise((resolve) => setTimeout(resolve, 50))]);
      if (!this.writing && this.pending.length) this.kick(0);
    }
    return this.pending.length === 0;
  }
}
