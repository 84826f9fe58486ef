// A worker that stalled past its lease (SIGSTOP, a long pause) records the try it made after the
// worker that took the row over recorded its own. The late try is kept (it happened: the receiver
// got it) with a number of its own, and the delivery keeps the newer owner's outcome. Found by
// the chaos suite (test/reliability/chaos-frozen-worker.test.ts): both tries were numbered 1.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimDeliveries } from "@/lib/queue/claim-deliveries";
import { planNextState } from "@/lib/queue/plan-next-state";
import type { AttemptRecord } from "@/lib/recording/attempt-record";
import { recordAttempts } from "@/lib/recording/record-attempts";
import { publishMessages } from "@/lib/messages/publish-messages";
import { attemptRecord } from "../../helpers/attempt-records";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("a result recorded after the lease was lost", () => {
  useTestDatabase();
  let tenantId: string;
  let endpointId: string;

  beforeAll(async () => {
    tenantId = await createTenant();
    await createTestEventType({ name: "invoice.paid" });
    endpointId = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/hooks" })).id;
  });

  function scheduledTry(deliveryId: string, messageId: string, status: number, startedAt: Date): AttemptRecord {
    const record = attemptRecord({ tenantId, endpointId, startedAt, durationMs: 20, status });
    return {
      ...record,
      deliveryId,
      messageId,
      trigger: "scheduled",
      number: 1, // what each sender read when it claimed the row
      next: planNextState(record.response, 0, [100, 200]),
    };
  }

  it("should be stored with a number of its own and leave the newer outcome alone", async () => {
    const [message] = await publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_1" } }]);
    const [claimed] = await claimDeliveries({ workerId: "wkr_stalled", limit: 1, leaseMs: 60_000 });
    expect(claimed!.attemptCount).toBe(0);
    const stalledStarted = new Date();
    // wkr_stalled sends and then freezes; its lease runs out and wkr_new takes the row over.
    await db().delivery.update({ where: { id: claimed!.id }, data: { leaseOwner: "wkr_new" } });
    const newStarted = new Date(stalledStarted.getTime() + 5_000);
    await recordAttempts([scheduledTry(claimed!.id, message!.id, 204, newStarted)], "wkr_new");
    // The stalled worker wakes up: its try timed out by its own clock (a 500 here), to be retried.
    await recordAttempts([scheduledTry(claimed!.id, message!.id, 500, stalledStarted)], "wkr_stalled");

    const attempts = await db().attempt.findMany({ where: { deliveryId: claimed!.id }, orderBy: { number: "asc" } });
    expect(attempts.map((attempt) => [attempt.number, attempt.responseStatus])).toEqual([
      [1, 204],
      [2, 500],
    ]);
    const delivery = await db().delivery.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(delivery).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
      scheduledTries: 1,
      lastStatusCode: 204,
      lastAttemptAt: newStarted,
      leaseOwner: null,
    });
  });
});
