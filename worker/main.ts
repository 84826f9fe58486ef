// The worker process: `npm run worker` (or started by `npm start`). Any number of workers may
// run against one database. It heartbeats into worker_heartbeats and, on SIGTERM/SIGINT, stops
// taking work, drains what is in flight within the grace period and exits 0.
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { HOOKLINE_VERSION } from "@/lib/version";
import { recordHeartbeat, recordStopped } from "@/lib/workers/heartbeat";
import { watchParent } from "./watch-parent";

const settings = env();
const worker = { id: newId("worker"), version: HOOKLINE_VERSION, startedAt: new Date() };
const log = logger.child({ workerId: worker.id });

async function heartbeat(): Promise<void> {
  try {
    await recordHeartbeat(worker);
  } catch (error) {
    // The database may be restarting; the next beat will try again.
    log.warn({ err: error }, "heartbeat failed");
  }
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "worker stopping");
  clearInterval(timer);
  await recordStopped(worker.id).catch(() => undefined);
  await closeDb();
  log.info("worker stopped");
  process.exit(0);
}

await heartbeat();
const timer = setInterval(() => void heartbeat(), settings.HOOKLINE_WORKER_HEARTBEAT_MS);
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
watchParent(() => void shutdown("parent exited"));
log.info({ version: HOOKLINE_VERSION, pid: process.pid }, "worker started");
