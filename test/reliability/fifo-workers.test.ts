// FIFO ordering across worker processes and a crash: 3 real workers, 5,000 messages over 50
// ordering keys to one FIFO endpoint whose receiver answers 503 to a random 20 % of tries; one
// worker is killed with SIGKILL halfway. The receiver checks, per key, that the first successful
// receipt of each message comes in publish order (redeliveries after the crash may repeat a
// message, never overtake one). The in-process version is test/integration/routing/fifo-endpoints.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { createEventType } from "@/lib/event-types/create-event-type";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { publishMessages } from "@/lib/messages/publish-messages";
import { fifoMessages, startFifoReceiver, type FifoReceiver } from "../helpers/fifo-receiver";
import { eventually } from "../helpers/worker";
import { spawnWorker } from "../helpers/worker-process";
import { consistency, startCluster, type Cluster } from "./cluster";

const MESSAGES = 5_000;
const KEYS = 50;
const WORKER_ENV = {
  HOOKLINE_LEASE_MS: "3000",
  HOOKLINE_WORKER_HEARTBEAT_MS: "500",
  HOOKLINE_POLL_INTERVAL_MS: "200",
  // Eight retries: a message fails for good only after nine 503s in a row (0.2^9), so every
  // message is expected to arrive.
  HOOKLINE_RETRY_SCHEDULE: "20ms,20ms,50ms,50ms,100ms,100ms,200ms,200ms",
};

describe("FIFO endpoint with several workers", () => {
  let cluster: Cluster;
  let receiver: FifoReceiver;

  beforeAll(async () => {
    cluster = await startCluster();
    receiver = await startFifoReceiver(0.2);
  });
  afterAll(async () => {
    await receiver.close();
    await cluster.destroy();
  });

  it("should keep per-key order with 3 workers, 20 % failures and a worker killed halfway", async () => {
    const tenantId = (await db().tenant.create({ data: { id: newId("tenant"), name: "fifo" } })).id;
    await createEventType({ name: "fifo.ordered" });
    await createEndpoint(null, tenantId, {
      url: receiver.url,
      eventTypes: ["fifo.ordered"],
      ordering: "fifo",
      maxConcurrency: 32,
    });
    const workers = await Promise.all([
      spawnWorker(cluster.url, WORKER_ENV),
      spawnWorker(cluster.url, WORKER_ENV),
      spawnWorker(cluster.url, WORKER_ENV),
    ]);
    const messages = fifoMessages("fifo.ordered", MESSAGES, KEYS);
    const publishing = (async () => {
      for (let start = 0; start < MESSAGES; start += 100) {
        await publishMessages(tenantId, messages.slice(start, start + 100));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await eventually(() => (receiver.delivered() >= MESSAGES / 2 ? true : undefined), 180_000, "half the messages");
    workers[0]!.child.kill("SIGKILL");
    await workers[0]!.exited;
    await publishing;
    await eventually(() => (receiver.delivered() === MESSAGES ? true : undefined), 180_000, "every message");

    expect(receiver.outOfOrder()).toEqual([]);
    expect([...receiver.firstSuccess.values()].map((seqs) => seqs.length)).toEqual(
      new Array(KEYS).fill(MESSAGES / KEYS),
    );
    const state = await eventually(
      async () => {
        const current = await consistency(cluster);
        return current.succeeded === MESSAGES ? current : undefined;
      },
      60_000,
      "every delivery recorded as succeeded",
    );
    expect(state.deliveries).toBe(MESSAGES);
    expect(state.stuckSending).toBe(0);
    console.info(
      `FIFO: ${MESSAGES} messages over ${KEYS} keys, ${receiver.receiver.requests.length} requests, ${state.attempts} attempts recorded`,
    );
  });
});
