// The audit trail is written by the audited mutation itself, in its own transaction: an event
// exists exactly when the change committed. Each mutation called with an actor leaves one event
// naming it; called without one (Hookline itself, the demo seed) none; and when the event cannot
// be written (an actor name PostgreSQL refuses to store), the change is rolled back with it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { recoverFailedDeliveries } from "@/lib/deliveries/recover-deliveries";
import { resendMessage } from "@/lib/deliveries/resend-message";
import { sendTestEvent } from "@/lib/deliveries/send-test-event";
import { db } from "@/lib/db";
import {
  createEndpoint,
  deleteEndpoint,
  disableEndpoint,
  enableEndpoint,
  getEndpointSecret,
  replaceEndpointHeaders,
  rotateEndpointSecret,
  updateEndpoint,
} from "@/lib/endpoints";
import { publishMessages } from "@/lib/messages/publish-messages";
import { newId } from "@/lib/ids";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

const UNREACHABLE = "http://127.0.0.1:9/audit";

const actorIn = (tenantId: string, email = "pat@platform.example"): Principal => ({
  kind: "portal",
  tenantId,
  role: "admin",
  actor: { id: "platform-user-7", email, name: "Pat" },
});

describe("audit events inside the mutation's transaction", () => {
  useTestDatabase();
  let tenantId: string;

  beforeAll(async () => {
    tenantId = await createTenant("Audited");
    await createTestEventType({ name: "audit.thing" });
  });

  const newEndpoint = async () => (await createTestEndpoint(tenantId, { url: UNREACHABLE })).id;
  const eventsOf = (targetId: string) =>
    db().auditEvent.findMany({ where: { tenantId, targetId }, orderBy: { id: "asc" } });

  const CASES: Array<{
    action: string;
    run: (actor: Principal | null, endpointId: string) => Promise<{ targetId: string }>;
    details?: Record<string, unknown>;
  }> = [
    {
      action: "endpoint.created",
      run: async (actor) => ({ targetId: (await createEndpoint(actor, tenantId, { url: UNREACHABLE })).id }),
      details: { url: UNREACHABLE },
    },
    {
      action: "endpoint.updated",
      run: async (actor, endpointId) => {
        await updateEndpoint(actor, tenantId, endpointId, { description: "changed" });
        return { targetId: endpointId };
      },
      details: { fields: ["description"] },
    },
    {
      action: "endpoint.disabled",
      run: async (actor, endpointId) => {
        await disableEndpoint(actor, tenantId, endpointId, "maintenance");
        return { targetId: endpointId };
      },
      details: { reason: "maintenance" },
    },
    {
      action: "endpoint.enabled",
      run: async (actor, endpointId) => {
        await enableEndpoint(actor, tenantId, endpointId);
        return { targetId: endpointId };
      },
    },
    {
      action: "endpoint.headers_replaced",
      run: async (actor, endpointId) => {
        await replaceEndpointHeaders(actor, tenantId, endpointId, { "x-team": "payments", "x-b": "1" });
        return { targetId: endpointId };
      },
      details: { names: ["x-b", "x-team"] },
    },
    {
      action: "endpoint.secret_rotated",
      run: async (actor, endpointId) => {
        await rotateEndpointSecret(actor, tenantId, endpointId);
        return { targetId: endpointId };
      },
    },
    {
      action: "endpoint.recovered",
      run: async (actor, endpointId) => {
        await recoverFailedDeliveries(actor, tenantId, endpointId, new Date("2026-01-01T00:00:00Z"));
        return { targetId: endpointId };
      },
      details: { since: "2026-01-01T00:00:00.000Z", until: null, requeued: 0 },
    },
    {
      action: "endpoint.test_sent",
      run: async (actor, endpointId) => {
        await sendTestEvent(actor, tenantId, endpointId, "audit.thing");
        return { targetId: endpointId };
      },
      details: { eventType: "audit.thing" },
    },
    {
      action: "message.resent",
      run: async (actor, endpointId) => {
        const [message] = await publishMessages(tenantId, [{ eventType: "audit.thing", payload: { n: 1 } }]);
        await resendMessage(actor, tenantId, message!.id, endpointId);
        return { targetId: message!.id };
      },
    },
    {
      action: "endpoint.deleted",
      run: async (actor, endpointId) => {
        await deleteEndpoint(actor, tenantId, endpointId);
        return { targetId: endpointId };
      },
    },
  ];

  it.each(CASES)(
    "should write $action with the actor when the change commits, and nothing without one",
    async (entry) => {
      const { targetId } = await entry.run(actorIn(tenantId), await newEndpoint());
      const events = await eventsOf(targetId);
      expect(events.map((event) => event.action)).toEqual([entry.action]);
      expect(events[0]).toMatchObject({
        actorKind: "portal",
        actorId: "platform-user-7",
        actorEmail: "pat@platform.example",
      });
      if (entry.details) expect(events[0]!.details).toEqual(entry.details);

      const silent = await entry.run(null, await newEndpoint());
      expect(await eventsOf(silent.targetId)).toEqual([]);
    },
  );

  it("should leave no event when the change is refused", async () => {
    const missing = newId("endpoint");
    await expect(deleteEndpoint(actorIn(tenantId), tenantId, missing)).rejects.toMatchObject({ code: "not_found" });
    const disabled = await newEndpoint();
    await disableEndpoint(null, tenantId, disabled);
    await expect(recoverFailedDeliveries(actorIn(tenantId), tenantId, disabled, new Date(0))).rejects.toMatchObject({
      code: "endpoint_disabled",
    });
    expect(await eventsOf(missing)).toEqual([]);
    expect(await eventsOf(disabled)).toEqual([]);
  });

  // PostgreSQL text cannot hold U+0000: the event's insert fails, and the change must go with it.
  const unstorable = () => actorIn(tenantId, "pat\u0000@platform.example");

  it("should roll the change back when its audit event cannot be written (Prisma transaction)", async () => {
    const before = await db().endpoint.count({ where: { tenantId } });
    await expect(createEndpoint(unstorable(), tenantId, { url: UNREACHABLE })).rejects.toThrow();
    expect(await db().endpoint.count({ where: { tenantId } })).toBe(before);

    const endpointId = await newEndpoint();
    await expect(updateEndpoint(unstorable(), tenantId, endpointId, { description: "never" })).rejects.toThrow();
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpointId } })).description).not.toBe("never");
  });

  it("should roll the change back when its audit event cannot be written (SQL transaction)", async () => {
    const endpointId = await newEndpoint();
    const { secret } = await getEndpointSecret(tenantId, endpointId);
    await expect(rotateEndpointSecret(unstorable(), tenantId, endpointId)).rejects.toThrow();
    expect((await getEndpointSecret(tenantId, endpointId)).secret).toBe(secret);

    await expect(disableEndpoint(unstorable(), tenantId, endpointId)).rejects.toThrow();
    expect((await db().endpoint.findUniqueOrThrow({ where: { id: endpointId } })).disabledAt).toBeNull();
  });
});
