// Lease renewal never waits on a row lock: a worker's own result batch may be settling some of
// the rows it holds (locking them in another order), and waiting there was a deadlock that
// PostgreSQL broke only after deadlock_timeout (seen in the benchmarks under load).
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimDeliveries } from "@/lib/queue/claim-deliveries";
import { extendLeases } from "@/lib/queue/leases";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("extending leases", () => {
  const databaseUrl = useTestDatabase();
  let tenantId: string;

  beforeAll(async () => {
    tenantId = await createTenant();
    await createTestEventType({ name: "invoice.paid" });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/hooks" });
  });

  it("should extend the leases it holds, skip rows locked by another transaction, and leave other workers' rows alone", async () => {
    await publishMessages(
      tenantId,
      Array.from({ length: 3 }, () => ({ eventType: "invoice.paid", payload: { id: "in_1" } })),
    );
    const claimed = await claimDeliveries({ workerId: "wkr_a", limit: 3, leaseMs: 1_000 });
    expect(claimed).toHaveLength(3);
    const [locked, ...free] = claimed.map((delivery) => delivery.id);

    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT 1 FROM deliveries WHERE id = $1 FOR UPDATE", [locked]);
      const started = Date.now();
      expect((await extendLeases("wkr_a", [locked!, ...free], 60_000)).sort()).toEqual([...free].sort());
      expect(Date.now() - started).toBeLessThan(900); // did not wait for the lock
      await expect(extendLeases("wkr_other", free, 60_000)).resolves.toEqual([]);
      await other.query("ROLLBACK");
    } finally {
      await other.end();
    }

    const rows = await db().delivery.findMany({ where: { id: { in: claimed.map((delivery) => delivery.id) } } });
    const leaseOf = (id: string) => rows.find((row) => row.id === id)!.leaseUntil!.getTime();
    for (const id of free) expect(leaseOf(id)).toBeGreaterThan(Date.now() + 30_000);
    expect(leaseOf(locked!)).toBeLessThan(Date.now() + 2_000);
    // Next round, unlocked, it is extended too.
    await expect(extendLeases("wkr_a", [locked!], 60_000)).resolves.toEqual([locked]);
  });
});
