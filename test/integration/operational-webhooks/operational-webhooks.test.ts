// Operational webhooks: the engine delivers its own events (endpoint disabled / enabled /
// failing, retries exhausted) to the operator's operations endpoint, signed like any webhook,
// and to tenant endpoints that subscribed to those types by name.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { disableEndpoint, enableEndpoint } from "@/lib/endpoints";
import { publishMessages } from "@/lib/messages/publish-messages";
import { ensureOperationalEventTypes } from "@/lib/operational-webhooks/operational-event-types";
import { setOperationsEndpoint } from "@/lib/operational-webhooks/operations-endpoint";
import { SYSTEM_TENANT_ID } from "@/lib/operational-webhooks/system-tenant";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType, endpointSecret } from "../../helpers/fixtures";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

interface OperationalBody {
  type: string;
  data: Record<string, unknown>;
}

describe("operational webhooks", () => {
  const databaseUrl = useTestDatabase();
  let receiver: Receiver;
  let tenantId: string;
  let opsSecret: string;
  let counter = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    tenantId = await createTenant("Customer");
    const ops = await setOperationsEndpoint({ url: receiver.url("/ops") });
    expect(ops.tenantId).toBe(SYSTEM_TENANT_ID);
    opsSecret = await endpointSecret(ops.id);
  });
  afterAll(() => receiver.close());

  /** Operational events the operator received (each verified with the operations secret). */
  const operatorEvents = (type: string) =>
    receiver
      .at("/ops")
      .map((request) => {
        new Webhook(opsSecret).verify(request.body, request.headers);
        return JSON.parse(request.body) as OperationalBody;
      })
      .filter((body) => body.type === type);

  async function endpointCase(status: number) {
    const eventType = `ops.case${++counter}`;
    await createTestEventType({ name: eventType });
    const path = `/customer-${counter}`;
    receiver.on(path, { status });
    const endpoint = await createTestEndpoint(tenantId, { url: receiver.url(path), eventTypes: [eventType] });
    return { endpoint, eventType, path };
  }

  it("should tell the operator when a receiver answers 410 and its endpoint is disabled", async () => {
    const { endpoint, eventType } = await endpointCase(410);
    startTestWorker(databaseUrl());
    await publishMessages(tenantId, [{ eventType, payload: {} }]);
    const [event] = await eventually(
      () => {
        const events = operatorEvents("endpoint.disabled").filter((body) => body.data.endpointId === endpoint.id);
        return events.length ? events : undefined;
      },
      15_000,
      "endpoint.disabled at the operator",
    );
    expect(event!.data).toMatchObject({
      tenantId,
      endpointId: endpoint.id,
      url: endpoint.url,
      reason: "gone",
      disabledAt: expect.any(String),
    });
  });

  it("should announce a newly failing endpoint once, and an exhausted message", async () => {
    const { endpoint, eventType } = await endpointCase(503);
    startTestWorker(databaseUrl(), { schedule: [30, 30] });
    const [message] = await publishMessages(tenantId, [{ eventType, payload: { n: 1 } }]);
    const exhausted = await eventually(
      () => operatorEvents("message.attempt.exhausted").find((body) => body.data.messageId === message!.id),
      15_000,
      "message.attempt.exhausted",
    );
    expect(exhausted.data).toMatchObject({
      tenantId,
      endpointId: endpoint.id,
      eventType,
      attempts: 3,
      lastError: "HTTP 503 (retries exhausted)",
    });
    await publishMessages(tenantId, [{ eventType, payload: { n: 2 } }]); // fails again: no second "failing" within the hour
    await eventually(
      () => (operatorEvents("message.attempt.exhausted").length >= 2 ? true : undefined),
      15_000,
      "the second exhaustion",
    );
    const failing = operatorEvents("endpoint.failing").filter((body) => body.data.endpointId === endpoint.id);
    expect(failing).toHaveLength(1);
    expect(failing[0]!.data).toMatchObject({ tenantId, endpointId: endpoint.id, failingSince: expect.any(String) });
  });

  it("should announce manual disabling and enabling, once each", async () => {
    const { endpoint } = await endpointCase(204);
    startTestWorker(databaseUrl());
    await disableEndpoint(null, tenantId, endpoint.id);
    await disableEndpoint(null, tenantId, endpoint.id); // already disabled: no second event
    await enableEndpoint(null, tenantId, endpoint.id);
    await eventually(
      () =>
        operatorEvents("endpoint.enabled").some((body) => body.data.endpointId === endpoint.id) ? true : undefined,
      15_000,
      "endpoint.enabled",
    );
    const disabled = operatorEvents("endpoint.disabled").filter((body) => body.data.endpointId === endpoint.id);
    expect(disabled).toHaveLength(1);
    expect(disabled[0]!.data.reason).toBe("manual");
  });

  it("should also deliver to a tenant's own endpoint subscribed by name, never to its catch-all endpoints", async () => {
    await ensureOperationalEventTypes();
    const watcher = await createTestEndpoint(tenantId, {
      url: receiver.url("/tenant-watcher"),
      eventTypes: ["endpoint.disabled"],
    });
    const catchAll = await createTestEndpoint(tenantId, { url: receiver.url("/tenant-catch-all") });
    const { endpoint } = await endpointCase(204);
    startTestWorker(databaseUrl());
    await disableEndpoint(null, tenantId, endpoint.id);
    const [request] = await receiver.waitFor(1, "/tenant-watcher");
    const secret = await endpointSecret(watcher.id);
    const body = new Webhook(secret).verify(request!.body, request!.headers) as OperationalBody;
    expect(body).toMatchObject({
      type: "endpoint.disabled",
      data: { tenantId, endpointId: endpoint.id, reason: "manual" },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      receiver.at("/tenant-catch-all").filter((received) => received.body.includes('"endpoint.disabled"')),
    ).toHaveLength(0);
    expect(catchAll.id).toBeTruthy();
  });

  it("should not feed on its own failures: the operations endpoint failing emits nothing about itself", async () => {
    receiver.on("/ops", { status: 500 });
    try {
      const { endpoint } = await endpointCase(204);
      startTestWorker(databaseUrl(), { schedule: [20, 20] });
      await disableEndpoint(null, tenantId, endpoint.id);
      await eventually(
        async () =>
          (await db().delivery.count({ where: { tenantId: SYSTEM_TENANT_ID, status: "pending" } })) === 0 &&
          (await db().delivery.count({ where: { tenantId: SYSTEM_TENANT_ID, status: "sending" } })) === 0
            ? true
            : undefined,
        15_000,
        "the operator's deliveries to settle",
      );
      const systemMessages = await db().message.findMany({
        where: { tenantId: SYSTEM_TENANT_ID },
        select: { eventType: true, payload: true },
      });
      expect(
        systemMessages.filter((message) => (message.payload as { tenantId?: string }).tenantId === SYSTEM_TENANT_ID),
      ).toHaveLength(0);
    } finally {
      receiver.on("/ops", { status: 204 });
    }
  });
});
