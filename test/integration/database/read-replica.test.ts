// HOOKLINE_DATABASE_READ_URL (lib/db.ts, lib/api/read-your-writes.ts): the API's GETs read from
// a second pool. Here the "replica" is the test database under a role that may only SELECT, so
// any write routed there fails: every GET operation must work through it (and its sessions show
// in pg_stat_activity), while the caller's own change is read back from the primary.
process.env.HOOKLINE_API_RATE_LIMIT = "0";

import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRIMARY_COOKIE } from "@/lib/api/read-your-writes";
import { closeDb, pool } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { OPERATIONS } from "@/lib/openapi";
import { CASES } from "../../helpers/api-cases";
import { createWorld, type World } from "../../helpers/api-world";
import { useTestDatabase } from "../../helpers/database";
import { callOperation } from "../../helpers/route-modules";

const READER = `hookline_reader_${randomBytes(4).toString("hex")}`;
const byId = (id: string) => OPERATIONS.find((operation) => operation.operationId === id)!;

describe("reads from a read replica", () => {
  const databaseUrl = useTestDatabase();
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
    const password = randomBytes(12).toString("hex");
    const database = new URL(databaseUrl()).pathname.slice(1);
    await pool().query(`CREATE ROLE ${READER} LOGIN PASSWORD '${password}'`);
    await pool().query(`GRANT CONNECT ON DATABASE ${database} TO ${READER}`);
    await pool().query(`GRANT USAGE ON SCHEMA public TO ${READER}`);
    await pool().query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER}`);
    const readUrl = new URL(databaseUrl());
    readUrl.username = READER;
    readUrl.password = password;
    process.env.HOOKLINE_DATABASE_READ_URL = readUrl.toString();
    reloadEnv();
  });

  afterAll(async () => {
    delete process.env.HOOKLINE_DATABASE_READ_URL;
    reloadEnv();
    await closeDb();
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [READER]);
    await client.query(`DROP OWNED BY ${READER}`);
    await client.query(`DROP ROLE ${READER}`);
    await client.end();
  });

  it("should answer every GET operation from the replica role", async () => {
    const gets = OPERATIONS.filter((operation) => operation.method === "get" && operation.access !== "public");
    expect(gets.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const operation of gets) {
      const request = await CASES[operation.operationId]!(world, world.a);
      const response = await callOperation(operation, { ...request, key: world.platformKey });
      if (response.status >= 300)
        failures.push(`${operation.operationId}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(failures).toEqual([]);
    const { rows } = await pool().query<{ sessions: number }>(
      `SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE usename = $1`,
      [READER],
    );
    expect(rows[0]!.sessions).toBeGreaterThan(0);
  });

  it("should read a caller's own change from the primary for a few seconds", async () => {
    // Take SELECT on endpoints away from the replica role: a read routed there now fails.
    await pool().query(`REVOKE SELECT ON endpoints FROM ${READER}`);
    try {
      const getEndpoint = byId("getEndpoint");
      const request = await CASES.getEndpoint!(world, world.a);
      const other = await callOperation(getEndpoint, { ...request, key: world.a.keys.viewer });
      expect(other.status).toBeGreaterThanOrEqual(500); // another caller reads from the replica

      const changed = await callOperation(byId("updateEndpoint"), {
        params: request.params,
        body: { description: "read your writes" },
        key: world.a.keys.owner,
      });
      expect(changed.status).toBe(200);
      const read = await callOperation(getEndpoint, { ...request, key: world.a.keys.owner });
      expect(read).toMatchObject({ status: 200, body: { description: "read your writes" } });

      // A browser session in another web process: the cookie set on its change.
      const cookie = await callOperation(getEndpoint, {
        ...request,
        key: world.a.keys.viewer,
        headers: { cookie: `${PRIMARY_COOKIE}=1` },
      });
      expect(cookie).toMatchObject({ status: 200, body: { description: "read your writes" } });
    } finally {
      await pool().query(`GRANT SELECT ON endpoints TO ${READER}`);
    }
  });
});
