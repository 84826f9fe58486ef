// Concurrent publishes share their read and write statements (lib/database/coalesce.ts, used by
// prepare-messages.ts and insert-messages.ts). Many at once, over several tenants, must each
// land exactly as if alone: right tenant, right endpoints, and a refused one failing alone.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { insertMessages } from "@/lib/messages/insert-messages";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("publishes sharing statements", () => {
  useTestDatabase();
  const tenants: Array<{ id: string; endpoints: Record<string, string> }> = [];

  beforeAll(async () => {
    await createTestEventType({ name: "shared.a" });
    await createTestEventType({ name: "shared.b" });
    for (const name of ["One", "Two", "Three"]) {
      const id = await createTenant(name);
      const all = await createTestEndpoint(id, { url: "http://127.0.0.1:9/all" });
      const onlyB = await createTestEndpoint(id, { url: "http://127.0.0.1:9/b", eventTypes: ["shared.b"] });
      tenants.push({ id, endpoints: { all: all.id, onlyB: onlyB.id } });
    }
  });

  it("should store 300 concurrent publishes over three tenants each with its own tenant, payload and deliveries", async () => {
    const calls = Array.from({ length: 300 }, (_, n) => {
      const tenant = tenants[n % 3]!;
      const eventType = n % 2 ? "shared.b" : "shared.a";
      return publishMessages(tenant.id, [{ eventType, payload: { n } }]).then(([message]) => ({
        n,
        tenant,
        eventType,
        message: message!,
      }));
    });
    const published = await Promise.all(calls);
    const rows = await db().message.findMany({
      where: { id: { in: published.map((entry) => entry.message.id) } },
      include: { deliveries: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { n, tenant, eventType, message } of published) {
      const row = byId.get(message.id)!;
      expect({ n, tenant: row.tenantId, type: row.eventType, payload: row.payload }).toEqual({
        n,
        tenant: tenant.id,
        type: eventType,
        payload: { n },
      });
      const expected =
        eventType === "shared.b" ? [tenant.endpoints.all, tenant.endpoints.onlyB] : [tenant.endpoints.all];
      expect(row.deliveries.map((delivery) => delivery.endpointId).sort()).toEqual(expected.sort());
      expect(row.deliveries.every((delivery) => delivery.tenantId === tenant.id)).toBe(true);
      expect(message.deliveries).toBe(expected.length);
    }
  });

  it("should fail only the publish the database refuses when it shared a statement with others", async () => {
    const tenant = tenants[0]!;
    const createdAt = new Date();
    const message = (n: number) => ({
      id: newId("message", createdAt.getTime()),
      eventType: "shared.a",
      payloadJson: JSON.stringify({ n }),
    });
    const good = { id: tenant.endpoints.all!, event_types: null };
    const gone = { id: newId("endpoint"), event_types: null }; // as if deleted between the read and the write
    const inputs = Array.from({ length: 20 }, (_, n) => ({
      message: message(n),
      endpoints: n === 7 ? [gone] : [good],
    }));
    const outcomes = await Promise.allSettled(
      inputs.map((input) =>
        insertMessages("own transaction", tenant.id, [input.message], { createdAt, endpoints: input.endpoints }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      inputs.map((_, n) => (n === 7 ? "rejected" : "fulfilled")),
    );
    expect((outcomes[7] as PromiseRejectedResult).reason).toMatchObject({ code: "23503" });
    const stored = await db().message.findMany({
      where: { id: { in: inputs.map((input) => input.message.id) } },
      select: { id: true },
    });
    expect(stored.map((row) => row.id).sort()).toEqual(
      inputs
        .filter((_, n) => n !== 7)
        .map((input) => input.message.id)
        .sort(),
    );
  });
});
