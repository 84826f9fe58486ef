// A worker that was frozen (SIGSTOP, a paused VM) past its leases must not send, once it runs
// again, the rows still queued behind its endpoint gates: their leases ran out, another worker
// may have taken them, and sending them would be duplicates. Found by the chaos suite
// (test/reliability/chaos-frozen-worker.test.ts). Here the freeze is a jump of the worker's clock.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("deliveries whose lease ran out while they were queued", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    await createTestEventType({ name: "invoice.paid" });
  });
  afterAll(() => receiver.close());
  afterEach(() => vi.useRealTimers());

  it("should give them back instead of sending them", async () => {
    const endpoint = await createTestEndpoint(tenantId, {
      url: receiver.url("/gated"),
      eventTypes: ["invoice.paid"],
      maxConcurrency: 1, // one in flight, the rest queued behind the gate
    });
    receiver.on("/gated", { status: 204, delayMs: 1_000 });
    const worker = startTestWorker(databaseUrl(), { leaseMs: 5_000 });
    await publishMessages(
      tenantId,
      Array.from({ length: 3 }, (_, n) => ({ eventType: "invoice.paid", payload: { n } })),
    );
    const [first] = await receiver.waitFor(1, "/gated");
    const queued = await db().delivery.findMany({
      where: { endpointId: endpoint.id, status: "sending", messageId: { not: first!.headers["webhook-id"] } },
    });
    expect(queued).toHaveLength(2);

    // The worker is "frozen" past its leases: by its clock they have run out, and meanwhile
    // another worker has taken the queued rows over.
    await db().delivery.updateMany({
      where: { id: { in: queued.map((row) => row.id) } },
      data: { leaseOwner: "wkr_other", leaseUntil: new Date(Date.now() + 60_000) },
    });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10_000 });

    await eventually(() => (worker.counts.lapsed === 2 ? true : undefined), 15_000, "both queued rows to lapse");
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.at("/gated")).toHaveLength(1); // only the one in flight before the freeze
    // Giving back was a no-op for rows that are no longer its own.
    const after = await db().delivery.findMany({ where: { id: { in: queued.map((row) => row.id) } } });
    expect(after.map((row) => row.leaseOwner)).toEqual(["wkr_other", "wkr_other"]);
  });
});
