// A delivery worker running inside the test process, against the test file's database, with a
// fast retry schedule and private networks allowed (receivers live on 127.0.0.1).
import pino from "pino";
import { afterEach } from "vitest";
import { createWebhookAgent } from "@/lib/sending/webhook-agent";
import { newId } from "@/lib/ids";
import { DeliveryWorker, type DeliveryWorkerOptions } from "@/worker/delivery-worker";

const running: DeliveryWorker[] = [];

afterEach(async () => {
  while (running.length) await running.pop()!.stop(1_000);
});

export function startTestWorker(databaseUrl: string, options: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  const worker = new DeliveryWorker({
    workerId: newId("worker"),
    connectionString: databaseUrl,
    dispatcher: createWebhookAgent({ allowPrivateNetworks: true, connectTimeoutMs: 2_000 }),
    schedule: [100, 200, 300],
    concurrency: 16,
    endpointConcurrency: 8,
    claimBatch: 64,
    leaseMs: 30_000,
    pollIntervalMs: 100,
    requestTimeoutMs: 2_000,
    responseBodyLimit: 4_096,
    log: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
    ...options,
  });
  worker.start();
  running.push(worker);
  return worker;
}

/** Polls `probe` until it returns something other than undefined. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  what = "a condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
