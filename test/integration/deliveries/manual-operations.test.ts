// Resend, recover, test events, secret rotation, automatic disabling, expired leases, and the
// statistics that every attempt feeds.
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDeliveries } from "@/lib/queue/claim-deliveries";
import { releaseExpiredLeases } from "@/lib/queue/leases";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { resendMessage } from "@/lib/deliveries/resend-message";
import { sendTestEvent } from "@/lib/deliveries/send-test-event";
import { db } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { sealSecret } from "@/lib/crypto";
import { generateSecret } from "@/lib/signing";
import { getEndpointStats } from "@/lib/stats/get-endpoint-stats";
import { newId } from "@/lib/ids";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType, endpointSecret } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";
import { testMaintenance } from "../../helpers/maintenance";

describe("manual delivery operations", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let counter = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant();
    await createTestEventType({ name: "order.created", example: { id: "ord_example", total: 1999 } });
  });
  afterAll(() => receiver.close());

  /** A fresh endpoint with its own event type, so tests do not see each other's messages. */
  async function setup(path: string, extra: Record<string, unknown> = {}) {
    const eventType = `order.case${++counter}`;
    await createTestEventType({ name: eventType });
    const endpoint = await createTestEndpoint(tenantId, { url: receiver.url(path), eventTypes: [eventType], ...extra });
    const publish = async (payload: Record<string, unknown> = { n: 1 }) =>
      (await publishMessages(tenantId, [{ eventType, payload }]))[0]!;
    return { endpoint, eventType, publish };
  }

  const delivery = (messageId: string, endpointId: string) =>
    db().delivery.findFirstOrThrow({ where: { messageId, endpointId } });
  const settledAs = (status: string, messageId: string, endpointId: string) =>
    eventually(
      async () => ((await delivery(messageId, endpointId)).status === status ? true : undefined),
      15_000,
      `delivery ${status}`,
    );

  it("should resend a failed delivery as a manual attempt and mark it succeeded", async () => {
    const { endpoint, publish } = await setup("/resend");
    receiver.on("/resend", { status: 400 });
    startTestWorker(databaseUrl());
    const message = await publish();
    await settledAs("failed", message.id, endpoint.id);

    receiver.on("/resend", { status: 200, body: "thanks" });
    const [result] = await resendMessage(null, tenantId, message.id, endpoint.id);
    expect(result).toMatchObject({ status: 200, succeeded: true, endpointId: endpoint.id });
    const after = await delivery(message.id, endpoint.id);
    expect(after).toMatchObject({ status: "succeeded", attemptCount: 2, scheduledTries: 1 });
    const attempts = await db().attempt.findMany({ where: { deliveryId: after.id }, orderBy: { number: "asc" } });
    expect(attempts.map((attempt) => [attempt.number, attempt.trigger, attempt.responseStatus])).toEqual([
      [1, "scheduled", 400],
      [2, "manual", 200],
    ]);
  });

  it("should refuse to resend another tenant's message (404)", async () => {
    const { endpoint, publish } = await setup("/resend-foreign");
    const message = await publish();
    const otherTenant = await createTenant("Other");
    await expect(resendMessage(null, otherTenant, message.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendMessage(null, tenantId, message.id, newId("endpoint"))).rejects.toMatchObject({
      code: "not_found",
    });
    expect(endpoint.id).toBeTruthy();
  });

  it("should send a test event with the type's example and answer with the result", async () => {
    const { endpoint } = await setup("/test-event");
    const result = await sendTestEvent(null, tenantId, endpoint.id, "order.created");
    expect(result).toMatchObject({ status: 204, succeeded: true });
    const [request] = await receiver.waitFor(1, "/test-event");
    expect(JSON.parse(request!.body)).toMatchObject({
      type: "order.created",
      data: { id: "ord_example", total: 1999 },
    });
    expect(() => new StandardWebhook("x").verify(request!.body, request!.headers)).toThrow();
    const secret = await endpointSecret(endpoint.id);
    expect(() => new StandardWebhook(secret).verify(request!.body, request!.headers)).not.toThrow();
    const attempts = await db().attempt.findMany({ where: { messageId: result.messageId } });
    expect(attempts).toMatchObject([{ trigger: "test", responseStatus: 204 }]);
    expect((await delivery(result.messageId, endpoint.id)).status).toBe("succeeded");
  });

  it("should recover failed deliveries since a time, with the whole schedule again", async () => {
    const { endpoint, publish } = await setup("/recover");
    receiver.on("/recover", { status: 422 });
    startTestWorker(databaseUrl());
    const old = await publish({ n: "old" });
    await settledAs("failed", old.id, endpoint.id);
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const recent = [await publish({ n: 1 }), await publish({ n: 2 })];
    for (const message of recent) await settledAs("failed", message.id, endpoint.id);

    receiver.on("/recover", { status: 204 });
    const { requeued } = await recoverFailedDeliveries(null, tenantId, endpoint.id, since);
    expect(requeued).toBe(2);
    for (const message of recent) await settledAs("succeeded", message.id, endpoint.id);
    expect((await delivery(old.id, endpoint.id)).status).toBe("failed");
    // The try that failed is `scheduled`, the one after the recovery `recovered`.
    for (const message of recent) {
      const attempts = await db().attempt.findMany({
        where: { messageId: message.id, endpointId: endpoint.id },
        orderBy: { number: "asc" },
      });
      expect(attempts.map((attempt) => [attempt.number, attempt.trigger])).toEqual([
        [1, "scheduled"],
        [2, "recovered"],
      ]);
    }
  });

  it("should refuse to recover a disabled endpoint's deliveries", async () => {
    const { endpoint } = await setup("/recover-disabled", { disabled: true });
    await expect(recoverFailedDeliveries(null, tenantId, endpoint.id, new Date(0))).rejects.toMatchObject({
      code: "endpoint_disabled",
    });
  });

  it("should sign with both secrets during a rotation's overlap, then with the new one only", async () => {
    const { endpoint, publish } = await setup("/rotation");
    const oldSecret = await endpointSecret(endpoint.id);
    const newSecret = generateSecret();
    await db().endpoint.update({
      where: { id: endpoint.id },
      data: {
        secretEnc: await sealSecret(newSecret),
        previousSecretEnc: await sealSecret(oldSecret),
        previousSecretExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    startTestWorker(databaseUrl());
    const during = await publish();
    const [request] = await receiver.waitFor(1, "/rotation");
    expect(request!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new StandardWebhook(oldSecret).verify(request!.body, request!.headers)).not.toThrow();
    expect(() => new StandardWebhook(newSecret).verify(request!.body, request!.headers)).not.toThrow();
    await settledAs("succeeded", during.id, endpoint.id);

    await db().endpoint.update({
      where: { id: endpoint.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1) },
    });
    await publish();
    const [, after] = await receiver.waitFor(2, "/rotation");
    expect(after!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(() => new StandardWebhook(oldSecret).verify(after!.body, after!.headers)).toThrow();
    expect(() => new StandardWebhook(newSecret).verify(after!.body, after!.headers)).not.toThrow();
  });

  it("should disable an endpoint that has failed for too long, with reason failing", async () => {
    const { endpoint, publish } = await setup("/failing");
    receiver.on("/failing", { status: 500 });
    startTestWorker(databaseUrl(), { schedule: [30, 30, 30, 30] });
    const message = await publish();
    await settledAs("failed", message.id, endpoint.id);
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.failuresSinceSuccess).toBe(5);
    expect(row.failingSince).not.toBeNull();

    const maintenance = testMaintenance();
    const failingFor = (ms: number) =>
      db().endpoint.update({
        where: { id: endpoint.id },
        data: { failingSince: new Date(Date.now() - ms), lastSuccessAt: null },
      });
    await failingFor(30_000);
    await maintenance.runOnce(); // failing for half the limit: still enabled
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabledAt).toBeNull();
    const queued = await publish();
    await failingFor(61_000);
    await maintenance.runOnce();
    const disabled = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.disabledReason).toBe("failing");
    expect(disabled.disabledAt).not.toBeNull();
    await settledAs("failed", queued.id, endpoint.id);
  });

  it("should clear the failure streak when an endpoint succeeds again", async () => {
    const { endpoint, publish } = await setup("/recovers");
    receiver.on("/recovers", (_request, count) => (count <= 2 ? { status: 500 } : { status: 204 }));
    startTestWorker(databaseUrl(), { schedule: [30, 30, 30] });
    const message = await publish();
    await settledAs("succeeded", message.id, endpoint.id);
    const row = await db().endpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row).toMatchObject({ failingSince: null, failuresSinceSuccess: 0 });
    expect(row.lastSuccessAt).not.toBeNull();
  });

  it("should hand a dead worker's deliveries to another once the lease runs out", async () => {
    const { endpoint, publish } = await setup("/lease");
    const message = await publish();
    // A worker claims the row, then "dies": it never sends and never records.
    const claimed = await claimDeliveries({ workerId: "wkr_dead", limit: 1000, leaseMs: 100 });
    expect(claimed.map((row) => row.id)).toContain((await delivery(message.id, endpoint.id)).id);
    startTestWorker(databaseUrl());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.at("/lease")).toHaveLength(0); // still leased... until maintenance takes it back
    expect(await releaseExpiredLeases()).toBeGreaterThanOrEqual(1);
    await settledAs("succeeded", message.id, endpoint.id);
    expect(receiver.at("/lease")).toHaveLength(1);
  });

  it("should count every attempt in the per-minute statistics", async () => {
    const { endpoint, publish } = await setup("/stats");
    receiver.on("/stats", (_request, count) => (count % 3 === 0 ? { status: 500 } : { status: 200, delayMs: 20 }));
    startTestWorker(databaseUrl(), { schedule: [30, 30, 30] });
    const messages = [];
    for (let index = 0; index < 12; index++) messages.push(await publish({ index }));
    for (const message of messages) await settledAs("succeeded", message.id, endpoint.id);
    const attempts = await db().attempt.findMany({ where: { endpointId: endpoint.id } });
    const stats = await getEndpointStats({
      tenantId,
      endpointId: endpoint.id,
      from: new Date(Date.now() - 3_600_000),
      to: new Date(Date.now() + 60_000),
      granularity: "minute",
    });
    expect(stats.totals.total).toBe(attempts.length);
    expect(stats.totals.failed).toBe(attempts.filter((attempt) => attempt.responseStatus === 500).length);
    expect(stats.totals.succeeded).toBe(12);
    expect(stats.totals.samples).toBe(attempts.length);
    expect(stats.totals.p50Ms).toBeGreaterThanOrEqual(15);
    expect(stats.series.length).toBeGreaterThanOrEqual(61);
    expect(stats.series.reduce((sum, point) => sum + point.total, 0)).toBe(attempts.length);
    // the tenant-wide view includes this endpoint's attempts
    const tenantStats = await getEndpointStats({
      tenantId,
      from: new Date(Date.now() - 3_600_000),
      to: new Date(Date.now() + 60_000),
      granularity: "hour",
    });
    expect(tenantStats.totals.total).toBeGreaterThanOrEqual(attempts.length);
  });
});
