// A connection cut while a transaction waits between two statements (pg_terminate_backend, a
// database restart): the transaction rejects with the connection's own error, which the API maps
// to 503, not pg's "not queryable" for the next statement (which it mapped to 500). And a process
// that stalls inside a transaction does not hold its row locks for ever. Both found by the chaos
// suite (test/reliability/chaos-terminate-backends.test.ts: publishes answered 500;
// chaos-frozen-worker.test.ts: a worker frozen mid-batch blocked the takeover of its deliveries).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { handleApiError } from "@/lib/api/handle-api-error";
import { IDLE_IN_TRANSACTION_TIMEOUT_MS, pool, withTransaction } from "@/lib/db";
import { useTestDatabase } from "../../helpers/database";

describe("a connection cut between two statements of a transaction", () => {
  const databaseUrl = useTestDatabase();

  async function terminate(pid: number): Promise<void> {
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);
    } finally {
      await admin.end();
    }
  }

  it("should reject with the connection's error, which the API answers with 503", async () => {
    const failure = await withTransaction(async (client) => {
      const { rows } = await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      await terminate(rows[0]!.pid);
      // Let the client read PostgreSQL's goodbye before it sends the next statement.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query(`SELECT 1`);
    }).then(
      () => undefined,
      (error: unknown) => error as Error & { code?: string },
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.message).not.toMatch(/not queryable/);
    expect(failure!.code).toBe("57P01"); // terminating connection due to administrator command
    const response = handleApiError(failure, "req-1");
    expect(response.status).toBe(503);
    // The broken client was dropped: the pool still works.
    expect((await pool().query(`SELECT 1 AS one`)).rows).toEqual([{ one: 1 }]);
  });

  it("should end a transaction that idles past the timeout, releasing its locks", async () => {
    const STALL_MS = IDLE_IN_TRANSACTION_TIMEOUT_MS + 5_000;
    await pool().query(`CREATE TABLE IF NOT EXISTS stall_probe (id int PRIMARY KEY)`);
    await pool().query(`INSERT INTO stall_probe VALUES (1) ON CONFLICT DO NOTHING`);
    const stalled = withTransaction(async (client) => {
      await client.query(`SELECT * FROM stall_probe WHERE id = 1 FOR UPDATE`);
      // A process frozen mid-transaction: nothing more is sent for a while.
      await new Promise((resolve) => setTimeout(resolve, STALL_MS));
      await client.query(`SELECT 1`);
    }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    // Another session gets the row once PostgreSQL has ended the idle one.
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Waiting longer than this would mean the lock was held until the stalled process woke up.
      await other.query(`SET lock_timeout = '${STALL_MS - 1_000}ms'`);
      await other.query(`SELECT * FROM stall_probe WHERE id = 1 FOR UPDATE`);
    } finally {
      await other.end();
    }
    const failure = await stalled;
    expect(failure).toBeInstanceOf(Error);
    expect(handleApiError(failure, "req-2").status).toBe(503);
  }, 30_000);
});
