// The routing operations of the dashboard: testing a filter before saving it, and the blocked
// keys of a FIFO endpoint (head message and its last attempt).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as testFilterRoute } from "@/app/api/v1/tenants/[tenant]/test-filter/route";
import { GET as blockedKeysRoute } from "@/app/api/v1/tenants/[tenant]/endpoints/[endpoint]/blocked-keys/route";
import { publishMessages } from "@/lib/messages/publish-messages";
import { callRoute } from "../../helpers/api";
import { useTestDatabase } from "../../helpers/database";
import { fifoMessages, startFifoReceiver, type FifoReceiver } from "../../helpers/fifo-receiver";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { eventually, startTestWorker } from "../../helpers/worker";

describe("routing operations", () => {
  const url = useTestDatabase();
  let tenantId: string;
  let key: string;
  let receiver: FifoReceiver;

  beforeAll(async () => {
    tenantId = await createTenant("Routing ops");
    key = await createApiKey({ tenantId, role: "viewer" });
    await createTestEventType({ name: "order.paid", example: { amount: 120, currency: "EUR" } });
    await createTestEventType({ name: "order.refunded", example: { amount: 5, currency: "USD" } });
    receiver = await startFifoReceiver(0, { failAlways: (data) => data.key === "k1" && data.seq === 0 });
  });
  afterAll(() => receiver.close());

  it("should mark the examples and the latest 20 messages as matching or not", async () => {
    await publishMessages(
      tenantId,
      Array.from({ length: 25 }, (_, n) => ({ eventType: "order.paid", payload: { amount: n * 10, currency: "EUR" } })),
    );
    const response = await callRoute(testFilterRoute, {
      params: { tenant: tenantId },
      key,
      body: { filter: { amount: { $gte: 100 } }, eventTypes: ["order.paid", "order.refunded", "order.unknown"] },
    });
    expect(response.status).toBe(200);
    const body = response.body as {
      examples: Array<{ eventType: string; matches: boolean }>;
      messages: Array<{ payload: { amount: number }; matches: boolean }>;
    };
    expect(body.examples.map(({ eventType, matches }) => ({ eventType, matches }))).toEqual([
      { eventType: "order.paid", matches: true },
      { eventType: "order.refunded", matches: false },
    ]);
    expect(body.messages).toHaveLength(20);
    expect(body.messages[0]!.payload.amount).toBe(240); // newest first
    for (const message of body.messages) expect(message.matches).toBe(message.payload.amount >= 100);
  });

  it("should answer a bad filter with a 422 naming its path", async () => {
    const response = await callRoute(testFilterRoute, {
      params: { tenant: tenantId },
      key,
      body: { filter: { amount: { $gte: [1] } } },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: "filter.amount.$gte", message: expect.any(String) }] },
    });
  });

  it("should list the keys whose head keeps failing, with the head message and its last attempt", async () => {
    await createTestEventType({ name: "fifo.blocked" });
    const endpoint = await createTestEndpoint(tenantId, {
      url: receiver.url,
      eventTypes: ["fifo.blocked"],
      ordering: "fifo",
    });
    const published = await publishMessages(tenantId, fifoMessages("fifo.blocked", 6, 2));
    startTestWorker(url(), { schedule: [60_000] }); // after its first failure, k1's head waits a minute
    await eventually(() => (receiver.firstSuccess.get("k0")?.length === 3 ? true : undefined), 30_000, "k0");
    const response = await eventually(async () => {
      const answer = await callRoute(blockedKeysRoute, { params: { tenant: tenantId, endpoint: endpoint.id }, key });
      return (answer.body as { data: unknown[] }).data.length ? answer : undefined;
    });
    expect(response.body).toEqual({
      data: [
        {
          orderingKey: "k1",
          waiting: 3,
          head: {
            deliveryId: expect.stringMatching(/^dlv_/),
            messageId: published[1]!.id,
            eventType: "fifo.blocked",
            createdAt: published[1]!.createdAt,
            status: "pending",
            attemptCount: 1,
            nextAttemptAt: expect.any(String),
          },
          lastAttempt: { at: expect.any(String), statusCode: 503, error: expect.stringContaining("503") },
        },
      ],
    });
    expect(receiver.firstSuccess.get("k1")).toBeUndefined();
  });
});
