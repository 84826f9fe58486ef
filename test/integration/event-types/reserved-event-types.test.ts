// Hookline's operational event types (endpoint.disabled, message.attempt.exhausted, …) are a
// reserved namespace: not in any catalog list, not creatable or editable, never publishable with
// a tenant or platform key (a forged endpoint.disabled would reach every endpoint that trusts
// it), while endpoints can still subscribe to them by name.
process.env.HOOKLINE_API_RATE_LIMIT = "0";

import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/openapi";
import {
  ensureOperationalEventTypes,
  OPERATIONAL_TYPE_NAMES,
} from "@/lib/operational-webhooks/operational-event-types";
import { useTestDatabase } from "../../helpers/database";
import { snapshotDatabase } from "../../helpers/database-snapshot";
import { createApiKey, createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { callOperation } from "../../helpers/route-modules";

const operation = (operationId: string) => OPERATIONS.find((candidate) => candidate.operationId === operationId)!;
const RESERVED = ["endpoint.disabled", "message.attempt.exhausted", "endpoint.created", "Endpoint.Failing"];

describe("reserved operational event types", () => {
  useTestDatabase();
  let tenantId: string;
  let platformKey: string;
  let tenantKey: string;
  let endpointId: string;

  beforeAll(async () => {
    tenantId = await createTenant("Reserved");
    platformKey = await createApiKey();
    tenantKey = await createApiKey({ tenantId, role: "owner" });
    await createTestEventType({ name: "invoice.paid", example: { id: "in_1" } });
    endpointId = (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/hook" })).id;
  });

  it("should let an endpoint subscribe to the operational types by name, even before their catalog rows exist", async () => {
    const created = await callOperation(operation("createEndpoint"), {
      params: { tenant: tenantId },
      body: { url: "http://127.0.0.1:9/ops-watcher", eventTypes: [...OPERATIONAL_TYPE_NAMES, "invoice.paid"] },
      key: tenantKey,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((created.body as { eventTypes: string[] }).eventTypes).toEqual([...OPERATIONAL_TYPE_NAMES, "invoice.paid"]);
    // A made-up name in the reserved namespace is still unknown.
    const madeUp = await callOperation(operation("createEndpoint"), {
      params: { tenant: tenantId },
      body: { url: "http://127.0.0.1:9/ops-watcher", eventTypes: ["endpoint.made_up"] },
      key: tenantKey,
    });
    expect(madeUp.status).toBe(422);
    expect(madeUp.body).toMatchObject({ error: { code: "event_type_unknown" } });
  });

  it("should leave them out of the catalog that tenants and operators list, and answer 404 for one", async () => {
    await ensureOperationalEventTypes();
    for (const key of [tenantKey, platformKey]) {
      const listed = await callOperation(operation("listEventTypes"), {
        params: {},
        query: { includeArchived: "true" },
        key,
      });
      expect(listed.status).toBe(200);
      expect((listed.body as { data: Array<{ name: string }> }).data.map((type) => type.name)).toEqual([
        "invoice.paid",
      ]);
      const one = await callOperation(operation("getEventType"), { params: { name: "endpoint.disabled" }, key });
      expect(one.status).toBe(404);
    }
  });

  it.each(RESERVED)("should refuse to create %s in the catalog, writing nothing", async (name) => {
    const before = await snapshotDatabase();
    const response = await callOperation(operation("createEventType"), {
      params: {},
      body: { name, description: "forged" },
      key: platformKey,
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: {
        code: "event_type_reserved",
        message: expect.stringContaining("reserved namespace"),
        details: [{ path: "name" }],
      },
    });
    expect(await snapshotDatabase()).toBe(before);
  });

  it.each(["updateEventType", "archiveEventType", "unarchiveEventType"])(
    "should refuse %s on an operational type",
    async (operationId) => {
      const before = await snapshotDatabase();
      const response = await callOperation(operation(operationId), {
        params: { name: "endpoint.disabled" },
        body: operationId === "updateEventType" ? { description: "mine now" } : undefined,
        key: platformKey,
      });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ error: { code: "event_type_reserved" } });
      expect(await snapshotDatabase()).toBe(before);
    },
  );

  it("should refuse to publish an operational type with a tenant key or a platform key, alone or in a batch", async () => {
    const before = await snapshotDatabase();
    const forged = { tenantId, endpointId, url: "http://127.0.0.1:9/hook", reason: "manual", disabledAt: "x" };
    for (const key of [tenantKey, platformKey]) {
      for (const eventType of RESERVED) {
        const one = await callOperation(operation("publishMessage"), {
          params: { tenant: tenantId },
          body: { eventType, payload: forged },
          key,
        });
        expect(one.status, `${eventType}: ${JSON.stringify(one.body)}`).toBe(422);
        expect(one.body).toMatchObject({
          error: { code: "event_type_reserved", details: [{ path: "eventType" }] },
        });
      }
      const batch = await callOperation(operation("publishMessages"), {
        params: { tenant: tenantId },
        body: {
          messages: [
            { eventType: "invoice.paid", payload: {} },
            { eventType: "endpoint.disabled", payload: forged },
          ],
        },
        key,
      });
      expect(batch.status).toBe(422);
      expect(batch.body).toMatchObject({
        error: { code: "event_type_reserved", details: [{ path: "messages.1.eventType" }] },
      });
    }
    const test = await callOperation(operation("sendTestEvent"), {
      params: { tenant: tenantId, endpoint: endpointId },
      body: { eventType: "endpoint.disabled" },
      key: tenantKey,
    });
    expect(test.status).toBe(422);
    expect(test.body).toMatchObject({ error: { code: "event_type_reserved" } });
    expect(await snapshotDatabase()).toBe(before);
  });
});
