// The worker keeps sending while a batch of results is being recorded, and stops claiming once a
// whole recording batch of sent attempts waits: a database that cannot take the results (here a
// lock held on the attempts table) holds the worker at a bounded number of rows in memory, and
// nothing is lost once it can.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { RECORD_BATCH } from "@/worker/delivery-worker";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("recording back-pressure", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    await createTestEventType({ name: "order.placed" });
  });
  afterAll(() => receiver.close());

  it("should send on while results wait to be recorded, up to one recording batch, then record them all", async () => {
    const concurrency = 4;
    const total = RECORD_BATCH + 200;
    const endpoint = await createTestEndpoint(tenantId, {
      url: receiver.url("/orders"),
      eventTypes: ["order.placed"],
    });
    for (let sent = 0; sent < total; sent += 100)
      await publishMessages(
        tenantId,
        Array.from({ length: 100 }, (_, n) => ({ eventType: "order.placed", payload: { n: sent + n } })),
      );

    // No attempt can be written while this lock is held; claims (which read deliveries) go on.
    const blocker = new pg.Client({ connectionString: databaseUrl() });
    await blocker.connect();
    try {
      await blocker.query("BEGIN; LOCK TABLE attempts IN SHARE MODE");
      startTestWorker(databaseUrl(), { concurrency, endpointConcurrency: concurrency, claimBatch: 64 });

      // Far more than the two rounds of unsent work (2 × concurrency) it may hold are sent…
      await receiver.waitFor(RECORD_BATCH, "/orders", 20_000);
      // …and then it stops: a recording batch waits, plus at most what was in hand to send.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const sentWhileBlocked = receiver.at("/orders").length;
      expect(sentWhileBlocked).toBeGreaterThanOrEqual(RECORD_BATCH);
      expect(sentWhileBlocked).toBeLessThanOrEqual(RECORD_BATCH + 2 * concurrency);
      expect(await db().attempt.count({ where: { endpointId: endpoint.id } })).toBe(0);
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await blocker.end();
    }

    await eventually(
      async () =>
        (await db().delivery.count({ where: { endpointId: endpoint.id, status: "succeeded" } })) === total
          ? true
          : undefined,
      30_000,
      "every delivery to be recorded",
    );
    expect(await db().attempt.count({ where: { endpointId: endpoint.id } })).toBe(total);
    expect(receiver.at("/orders")).toHaveLength(total); // none sent twice
  });
});
