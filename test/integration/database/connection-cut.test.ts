// A connection cut while a transaction waits between two statements (pg_terminate_backend, a
// database restart): the transaction rejects with the connection's own error, which the API maps
// to 503, not pg's "not queryable" for the next statement (which it mapped to 500). Found by the
// chaos suite (test/reliability/chaos-terminate-backends.test.ts): publishes answered 500.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { handleApiError } from "@/lib/api/handle-api-error";
import { pool, withTransaction } from "@/lib/db";
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
});
