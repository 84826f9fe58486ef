// LISTEN for "deliveries are due now" (sent by publish, recover, lease release). A dedicated
// connection, re-established with backoff whenever it drops; the worker also polls, so a
// notification lost while reconnecting only delays work by one poll interval.
import pg from "pg";
import type { Logger } from "pino";
import { DELIVERIES_CHANNEL } from "@/lib/queue/channel";

export class NotificationListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly onNotify: () => void,
    private readonly log: Logger,
  ) {}

  start(): void {
    void this.connect(0);
  }

  private async connect(failures: number): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "hookline-worker-listen",
    });
    client.on("notification", () => this.onNotify());
    client.on("error", (error) => this.log.debug({ err: error }, "notification connection error"));
    client.on("end", () => {
      if (this.stopped || this.client !== client) return;
      this.client = undefined;
      this.schedule(1);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERIES_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.onNotify(); // we may have missed notifications while away
    } catch (error) {
      await client.end().catch(() => undefined);
      this.log.debug({ err: error }, "could not LISTEN; retrying");
      this.schedule(failures + 1);
    }
  }

  private schedule(failures: number): void {
    if (this.stopped) return;
    const delay = Math.min(5_000, 100 * 2 ** Math.min(failures, 6));
    this.retryTimer = setTimeout(() => void this.connect(failures), delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
