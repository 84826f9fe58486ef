// A claim reads a batch's worth of the due index, whatever the statistics say. They are usually
// stale for the queue (taken while it was empty, or before a backlog came due); PostgreSQL then
// prefers reading every due row and sorting them, under the lock step where no LIMIT bounds the
// sort, so every claim would read the whole backlog (lib/db.ts, claimPool).
import { beforeAll, describe, expect, it } from "vitest";
import { claimPool, pool } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { CLAIM_SQL } from "@/lib/queue/claim-deliveries";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

interface PlanNode {
  "Node Type": string;
  "Actual Rows": number;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe("the claim's plan", () => {
  useTestDatabase();
  const backlog = 3_000;

  beforeAll(async () => {
    const tenantId = await createTenant();
    await createTestEventType({ name: "stock.changed" });
    await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/stock", eventTypes: ["stock.changed"] });
    for (let sent = 0; sent < backlog; sent += 100)
      await publishMessages(
        tenantId,
        Array.from({ length: 100 }, (_, n) => ({ eventType: "stock.changed", payload: { n: sent + n } })),
      );
    // Statistics taken while nothing was due yet; then the whole backlog comes due at once.
    await pool().query(`UPDATE deliveries SET next_attempt_at = now() + interval '1 hour'`);
    await pool().query(`VACUUM ANALYZE deliveries`);
    await pool().query(`UPDATE deliveries SET next_attempt_at = now() - interval '1 second'`);
  });

  it("should walk the due index in order and stop after the batch, with no sort of the backlog", async () => {
    const limit = 64;
    const { rows } = await claimPool().query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${CLAIM_SQL}`,
      [limit, "wkr_plan", 30_000, []],
    );
    const all = nodes(rows[0]!["QUERY PLAN"][0]!.Plan);
    expect(all.filter((node) => node["Node Type"] === "Sort")).toEqual([]);
    const dueScans = all.filter((node) => node["Index Name"]?.endsWith("next_attempt_at_idx"));
    expect(dueScans.length).toBeGreaterThan(0);
    const read = dueScans.reduce((sum, node) => sum + node["Actual Rows"], 0);
    expect(read).toBeGreaterThanOrEqual(limit);
    expect(read).toBeLessThan(backlog / 10); // a batch's worth, not the backlog
  });

  it("should read the whole backlog on a connection that may sort (why the claim has its own)", async () => {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${CLAIM_SQL}`,
        [64, "wkr_plan", 30_000, []],
      );
      await client.query("ROLLBACK");
      const all = nodes(rows[0]!["QUERY PLAN"][0]!.Plan);
      expect(all.some((node) => node["Node Type"] === "Sort")).toBe(true);
    } finally {
      client.release();
    }
  });
});
