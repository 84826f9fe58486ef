// FIFO endpoints with workers in this process and a real receiver on loopback: one key's
// messages go one at a time in publish order, a failing head holds only its key, and after
// it finally fails the key moves on ("skip") or the endpoint pauses ("pause") until recovered.
// The multi-process version (3 workers, 5,000 messages, kill -9) is test/reliability/fifo-workers.test.ts.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { db } from "@/lib/db";
import { enableEndpoint } from "@/lib/endpoints/set-endpoint-enabled";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { fifoMessages, startFifoReceiver, type FifoReceiver } from "../../helpers/fifo-receiver";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("FIFO endpoints", () => {
  const url = useTestDatabase();
  let tenantId: string;
  let type = 0;
  const receivers: FifoReceiver[] = [];

  beforeAll(async () => {
    tenantId = await createTenant("Fifo");
  });
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  async function setup(
    failShare: number,
    endpoint: Record<string, unknown>,
    failAlways?: (data: { key: string; seq: number }) => boolean,
  ) {
    const eventType = `fifo.case${++type}`;
    await createTestEventType({ name: eventType });
    const receiver = await startFifoReceiver(failShare, { failAlways });
    receivers.push(receiver);
    const created = await createTestEndpoint(tenantId, {
      url: receiver.url,
      eventTypes: [eventType],
      ordering: "fifo",
      maxConcurrency: 16,
      ...endpoint,
    });
    return { eventType, receiver, endpointId: created.id };
  }

  const statuses = async (endpointId: string) =>
    Object.fromEntries(
      (await db().delivery.groupBy({ by: ["status"], where: { endpointId }, _count: true })).map((row) => [
        row.status,
        row._count,
      ]),
    );

  it("should deliver each key in publish order with two workers and a receiver failing 20 % of tries", async () => {
    const { eventType, receiver } = await setup(0.2, {});
    const messages = fifoMessages(eventType, 400, 10);
    for (let start = 0; start < messages.length; start += 100)
      await publishMessages(tenantId, messages.slice(start, start + 100));
    const schedule = [20, 20, 20, 20, 20, 20, 20, 20, 20, 20];
    startTestWorker(url(), { schedule });
    startTestWorker(url(), { schedule });
    await eventually(() => (receiver.delivered() === 400 ? true : undefined), 90_000, "400 messages");
    expect(receiver.outOfOrder()).toEqual([]);
    expect([...receiver.firstSuccess.values()].map((seqs) => seqs.length)).toEqual(new Array(10).fill(40));
  });

  it("should claim each key's next message once its head is recorded, not at the next poll", async () => {
    // Each key moves on only when its head's result is stored; the worker is told so while it
    // may be claiming. A notice lost then would leave every key waiting for the poll (a minute
    // here): 3,000 messages would take hours instead of seconds.
    const { eventType, receiver } = await setup(0, {});
    const messages = fifoMessages(eventType, 3_000, 30);
    for (let start = 0; start < messages.length; start += 100)
      await publishMessages(tenantId, messages.slice(start, start + 100));
    startTestWorker(url(), { pollIntervalMs: 60_000 });
    await eventually(() => (receiver.delivered() === 3_000 ? true : undefined), 50_000, "3,000 messages");
    expect(receiver.outOfOrder()).toEqual([]);
  }, 60_000);

  it("should treat messages without an ordering key as one stream", async () => {
    const { eventType, receiver } = await setup(0.3, {});
    await publishMessages(
      tenantId,
      Array.from({ length: 30 }, (_, seq) => ({ eventType, payload: { key: "none", seq } })),
    );
    startTestWorker(url(), { schedule: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10] });
    await eventually(() => (receiver.delivered() === 30 ? true : undefined), 60_000, "30 messages");
    expect(receiver.firstSuccess.get("none")).toEqual(Array.from({ length: 30 }, (_, seq) => seq));
  });

  it("should hold a failing head's key through its retries while other keys flow, then skip it", async () => {
    const { eventType, receiver, endpointId } = await setup(0, {}, (data) => data.key === "k0" && data.seq === 0);
    await publishMessages(tenantId, fifoMessages(eventType, 20, 2));
    // k0's head fails 4 times (100, 200, 300 ms apart); meanwhile k1 is delivered.
    startTestWorker(url(), { schedule: [100, 200, 300] });
    await eventually(() => (receiver.firstSuccess.get("k1")?.length === 10 ? true : undefined), 30_000, "k1");
    expect(receiver.firstSuccess.get("k0") ?? []).toEqual([]);
    await eventually(() => (receiver.firstSuccess.get("k0")?.length === 9 ? true : undefined), 30_000, "k0 after skip");
    expect(receiver.firstSuccess.get("k0")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await eventually(
      async () => {
        const counts = await statuses(endpointId);
        return counts.succeeded === 19 && counts.failed === 1 && Object.keys(counts).length === 2 ? true : undefined;
      },
      10_000,
      "19 succeeded and 1 failed",
    );
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpointId } })).disabledAt).toBeNull();
  });

  it("should pause the endpoint when a head finally fails, and resume in order once recovered", async () => {
    let broken = true;
    const { eventType, receiver, endpointId } = await setup(
      0,
      { fifoOnFailure: "pause" },
      (data) => broken && data.key === "k0" && data.seq === 2,
    );
    const since = new Date(Date.now() - 1_000);
    await publishMessages(tenantId, fifoMessages(eventType, 10, 1));
    startTestWorker(url(), { schedule: [50, 50, 50] });
    const endpoint = await eventually(
      async () => {
        const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpointId } });
        return row.disabledAt ? row : undefined;
      },
      30_000,
      "the endpoint to pause",
    );
    expect(endpoint.disabledReason).toBe("fifo_head_failed");
    expect(receiver.firstSuccess.get("k0")).toEqual([0, 1]);
    expect(await statuses(endpointId)).toEqual({ succeeded: 2, failed: 8 });

    broken = false; // the receiver is fixed
    await enableEndpoint(null, tenantId, endpointId);
    expect(await recoverFailedDeliveries(null, tenantId, endpointId, since)).toEqual({ requeued: 8 });
    await eventually(() => (receiver.delivered() === 10 ? true : undefined), 30_000, "the rest after recovery");
    expect(receiver.firstSuccess.get("k0")).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("should leave endpoints without FIFO ordering unordered (no ordering key on their deliveries)", async () => {
    const { eventType, endpointId } = await setup(0, { ordering: "none" });
    await publishMessages(tenantId, fifoMessages(eventType, 3, 1));
    const rows = await db().delivery.findMany({ where: { endpointId } });
    expect(rows.map((row) => row.orderingKey)).toEqual([null, null, null]);
  });
});
