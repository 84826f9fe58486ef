// Retry schedules per event type and endpoint: which one a delivery follows (endpoint, then
// event type, then the instance's), that it is fixed when the delivery is created, and that
// the worker retries on it. A real worker, a real receiver on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendTestEvent } from "@/lib/deliveries/send-test-event";
import { updateEndpoint } from "@/lib/endpoints";
import { updateEventType } from "@/lib/event-types";
import { publishMessages } from "@/lib/messages/publish-messages";
import * as endpointsCatalog from "@/lib/openapi/endpoints";
import * as eventTypesCatalog from "@/lib/openapi/event-types";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { useTestDatabase } from "../../helpers/database";
import { callOperation } from "../../helpers/route-modules";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

const HOUR = 3_600_000;

describe("retry schedules", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    await createTestEventType({ name: "order.placed", retrySchedule: ["1m", "2m"] });
    await createTestEventType({ name: "order.shipped" });
  });
  afterAll(() => receiver.close());

  const deliveryOf = (messageId: string, endpointId: string) =>
    db().delivery.findFirstOrThrow({ where: { messageId, endpointId } });

  async function publish(eventType: string) {
    const [message] = await publishMessages(tenantId, [{ eventType, payload: { id: "o_1" } }]);
    return message!.id;
  }

  it("follows the endpoint's schedule, else the event type's, else the instance's, as fixed at publish", async () => {
    receiver.on("/down-own", { status: 503 });
    receiver.on("/down-inherit", { status: 503 });
    const own = await createTestEndpoint(tenantId, { url: receiver.url("/down-own"), retrySchedule: ["10s", "20s"] });
    const inherit = await createTestEndpoint(tenantId, { url: receiver.url("/down-inherit") });
    expect(own.retrySchedule).toEqual(["10s", "20s"]);
    expect(inherit.retrySchedule).toBeNull();

    const placed = await publish("order.placed");
    const shipped = await publish("order.shipped");
    const stored = async (messageId: string, endpointId: string) =>
      (
        await db().$queryRaw<Array<{ retry_schedule: number[] | null }>>`
        SELECT retry_schedule FROM deliveries WHERE message_id = ${messageId} AND endpoint_id = ${endpointId}`
      )[0]!.retry_schedule;
    expect(await stored(placed, own.id)).toEqual([10_000, 20_000]); // the endpoint's wins
    expect(await stored(shipped, own.id)).toEqual([10_000, 20_000]);
    expect(await stored(placed, inherit.id)).toEqual([60_000, 120_000]); // the event type's
    expect(await stored(shipped, inherit.id)).toBeNull(); // the instance's, decided when tried

    // The worker's own (HOOKLINE_RETRY_SCHEDULE) is an hour: each first failure is planned per row.
    startTestWorker(databaseUrl(), { schedule: [HOUR] });
    const planned = async (messageId: string, endpointId: string) => {
      const delivery = await eventually(
        async () => {
          const row = await deliveryOf(messageId, endpointId);
          return row.attemptCount === 1 && row.status === "pending" ? row : undefined;
        },
        15_000,
        "the first try to fail",
      );
      return delivery.nextAttemptAt!.getTime() - delivery.lastAttemptAt!.getTime();
    };
    const within = (delay: number, step: number) => {
      expect(delay).toBeGreaterThanOrEqual(step * 0.9 - 50);
      expect(delay).toBeLessThanOrEqual(step * 1.1 + 1_000);
    };
    within(await planned(placed, own.id), 10_000);
    within(await planned(shipped, own.id), 10_000);
    within(await planned(placed, inherit.id), 60_000);
    within(await planned(shipped, inherit.id), HOUR);
  });

  it("a changed schedule applies to new messages only; the old delivery keeps and uses its own", async () => {
    receiver.on("/change", { status: 503 });
    const endpoint = await createTestEndpoint(tenantId, {
      url: receiver.url("/change"),
      eventTypes: ["order.shipped"],
      retrySchedule: ["1s"],
    });
    const before = await publish("order.shipped");
    await updateEndpoint(null, tenantId, endpoint.id, { retrySchedule: ["5h", "6h"] });
    await updateEventType("order.shipped", { retrySchedule: ["3h"] });
    const after = await publish("order.shipped");

    const rows = await db().delivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" } });
    const byMessage = new Map(rows.map((row) => [row.messageId, row.retrySchedule]));
    expect(byMessage.get(before)).toEqual([1_000]);
    expect(byMessage.get(after)).toEqual([5 * HOUR, 6 * HOUR]);

    // One retry after ~1 s, then exhausted: the old plan, not the 5-hour one saved since.
    startTestWorker(databaseUrl(), { schedule: [HOUR] });
    const failed = await eventually(
      async () => {
        const row = await deliveryOf(before, endpoint.id);
        return row.status === "failed" ? row : undefined;
      },
      20_000,
      "the old delivery to exhaust its one retry",
    );
    expect(failed.attemptCount).toBe(2);
    expect(failed.lastError).toMatch(/retries exhausted/);
    const newer = await eventually(
      async () => {
        const row = await deliveryOf(after, endpoint.id);
        return row.attemptCount === 1 && row.status === "pending" ? row : undefined;
      },
      15_000,
      "the new delivery's first try",
    );
    expect(newer.nextAttemptAt!.getTime() - newer.lastAttemptAt!.getTime()).toBeGreaterThan(4 * HOUR);

    // Back to inheriting: null clears both.
    await updateEventType("order.shipped", { retrySchedule: null });
    expect((await updateEndpoint(null, tenantId, endpoint.id, { retrySchedule: null })).retrySchedule).toBeNull();
  });

  it("a test event follows the same schedule", async () => {
    receiver.on("/test-event", { status: 503 });
    const endpoint = await createTestEndpoint(tenantId, { url: receiver.url("/test-event"), retrySchedule: ["7s"] });
    const result = await sendTestEvent(null, tenantId, endpoint.id, "order.placed");
    expect(result.status).toBe(503);
    const row = await db().delivery.findFirstOrThrow({ where: { messageId: result.messageId } });
    expect(row.retrySchedule).toEqual([7_000]);
    expect(row.status).toBe("pending");
    const delay = row.nextAttemptAt!.getTime() - row.lastAttemptAt!.getTime();
    expect(delay).toBeGreaterThanOrEqual(7_000 * 0.9 - 50);
    expect(delay).toBeLessThanOrEqual(7_000 * 1.1 + 1_000);
  });

  it("answers 422 naming the failing step", async () => {
    const key = await createApiKey({ tenantId, role: "admin" });
    const platformKey = await createApiKey();
    const endpoint = await createTestEndpoint(tenantId, { url: receiver.url("/any") });
    const patched = await callOperation(endpointsCatalog.updateEndpoint, {
      key,
      params: { tenant: tenantId, endpoint: endpoint.id },
      body: { retrySchedule: ["10s", "500ms", "1m"] },
    });
    expect(patched.status).toBe(422);
    expect(patched.body).toMatchObject({
      error: { code: "validation_failed", details: [{ path: "retrySchedule.1", message: "must be at least 1 s" }] },
    });
    const tooLong = await callOperation(eventTypesCatalog.updateEventType, {
      key: platformKey,
      params: { name: "order.shipped" },
      body: { retrySchedule: Array(15).fill("1d") },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({
      error: { details: [{ path: "retrySchedule", message: expect.stringContaining("14 days") }] },
    });
    const ok = await callOperation(eventTypesCatalog.updateEventType, {
      key: platformKey,
      params: { name: "order.shipped" },
      body: { retrySchedule: ["30s", "90s", "1.5h"] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ retrySchedule: ["30s", "90s", "90m"] });
  });
});
