// A worker's recording transaction locks the endpoint rows of its batch (health, incidents) until
// it commits; a publish checks its deliveries' foreign key to those same rows (FOR KEY SHARE). The
// recording's lock must leave that check alone. With FOR UPDATE it did not: every publish to an
// endpoint waited for the batch, and two web processes and three workers on one database
// (test/reliability/many-processes.test.ts) hit "deadlock detected" on a publish, answered 500,
// when a publish's checks locked two endpoints in the other order than the batch.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { pool } from "@/lib/db";
import { publishMessages } from "@/lib/messages/publish-messages";
import { updateEndpointHealth } from "@/lib/recording/update-endpoint-health";
import { attemptRecord } from "../../helpers/attempt-records";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";

describe("a publish while a recording batch holds its endpoints", () => {
  useTestDatabase();
  let tenantId: string;
  let endpointIds: string[];
  let recording: pg.PoolClient | undefined;

  beforeAll(async () => {
    tenantId = await createTenant();
    await createTestEventType({ name: "invoice.paid" });
    endpointIds = [
      (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/first" })).id,
      (await createTestEndpoint(tenantId, { url: "http://127.0.0.1:9/second" })).id,
    ];
  });
  afterEach(async () => {
    await recording?.query("ROLLBACK").catch(() => undefined);
    recording?.release();
    recording = undefined;
  });

  it("should not wait for the batch to commit", async () => {
    recording = await pool().connect();
    await recording.query("BEGIN");
    // A batch with a failed try on each endpoint: health locks both rows and updates them.
    await updateEndpointHealth(
      recording,
      endpointIds.map((endpointId) =>
        attemptRecord({ tenantId, endpointId, startedAt: new Date(), durationMs: 20, status: 500 }),
      ),
    );
    const published = publishMessages(tenantId, [{ eventType: "invoice.paid", payload: { id: "in_1" } }]);
    const outcome = await Promise.race([
      published.then((messages) => messages.map(({ deliveries }) => deliveries)),
      // A publish takes milliseconds; the bound stays under the 5 s after which PostgreSQL ends a
      // session idle in a transaction (the recording one here).
      new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), 4_000)),
    ]);
    expect(outcome).toEqual([2]);
  });
});
