// (3) The peer baseline's worker process: the same delivery job built the way a user would build
// it on graphile-worker — one job per delivery carrying what it needs (delivery id, message id,
// URL, secret, event type, creation time, payload), a task that builds the envelope, signs it
// (Standard Webhooks, the same code as Hookline), POSTs it over a keep-alive undici Agent,
// records an attempt row and marks the delivery done in one statement. Tuned as graphile-worker's
// performance docs advise: a local queue (batched job fetching) and batched completion.
// Prints "ready" once the runner is up. Env: DATABASE_URL, CONCURRENCY.
import { Logger, run, type Task } from "graphile-worker";
import { Agent, request } from "undici";
import { buildEnvelope, signPayload } from "../../lib/signing";

interface DeliveryJob {
  deliveryId: string;
  messageId: string;
  url: string;
  secret: string;
  eventType: string;
  createdAt: string;
  payload: unknown;
}

const concurrency = Number(process.env.CONCURRENCY ?? 64);
const agent = new Agent({ connections: concurrency, keepAliveTimeout: 60_000 });

const RECORD = `
  WITH attempt AS (
    INSERT INTO peer_attempts (delivery_id, message_id, started_at, duration_ms, response_status, request_headers)
    VALUES ($1, $2, $3, $4, $5, $6)
  )
  UPDATE peer_deliveries SET status = 'succeeded', attempt_count = attempt_count + 1, last_status_code = $5 WHERE id = $1`;

const deliver: Task = async (rawPayload, helpers) => {
  const job = rawPayload as DeliveryJob;
  const body = buildEnvelope({
    type: job.eventType,
    createdAt: new Date(job.createdAt),
    payloadJson: JSON.stringify(job.payload),
  });
  const startedAt = new Date();
  const headers = {
    "content-type": "application/json",
    "webhook-id": job.messageId,
    "webhook-timestamp": String(Math.floor(startedAt.getTime() / 1000)),
    "webhook-signature": signPayload({ msgId: job.messageId, timestamp: startedAt, body, secret: job.secret }),
  };
  const response = await request(job.url, { method: "POST", headers, body, dispatcher: agent });
  await response.body.dump();
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new Error(`receiver answered ${response.statusCode}`);
  await helpers.query(RECORD, [
    job.deliveryId,
    job.messageId,
    startedAt,
    Date.now() - startedAt.getTime(),
    response.statusCode,
    JSON.stringify(headers),
  ]);
};

const quiet = new Logger(() => (level: string, message: string) => {
  if (level === "error" || level === "warning") process.stderr.write(`[graphile-worker] ${level}: ${message}\n`);
});

const runner = await run({
  connectionString: process.env.DATABASE_URL!,
  concurrency,
  // "at least concurrentJobs + 2" (the docs; it warns otherwise): each job runs its own query.
  maxPoolSize: concurrency + 2,
  noHandleSignals: true,
  pollInterval: 1_000,
  logger: quiet,
  taskList: { deliver },
  preset: {
    worker: {
      // https://worker.graphile.org/docs/performance#batching
      localQueue: { size: 256 },
      completeJobBatchDelay: 250,
      failJobBatchDelay: 250,
    },
  },
});
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void runner.stop().then(() => process.exit(0));
});
