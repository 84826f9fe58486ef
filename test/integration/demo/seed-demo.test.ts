// npm run seed:demo's data, checked for consistency the way the dashboard will read it: the
// rollups add up to exactly the attempts (hourly ones to the minute ones), the closed hours'
// message counts to the messages, each delivery's state is what its attempts say, the
// payloads match their schemas, and a second run replaces the demo tenant.
import { beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { DEMO_EVENT_TYPES } from "@/lib/demo/demo-catalog";
import { DEMO_TENANT_NAME, seedDemo, type DemoSeedResult } from "@/lib/demo/seed-demo";
import { validateAgainstSchema } from "@/lib/event-types/json-schema";
import { closedHoursEnd } from "@/lib/stats/store-message-counts";
import { addSample, emptyHistogram, mergeHistograms } from "@/lib/stats";
import { verifyCredentials } from "@/lib/users";
import { useTestDatabase } from "../../helpers/database";

const PUBLIC_URL = "http://localhost:3000";

describe("seedDemo", () => {
  useTestDatabase();
  let result: DemoSeedResult;
  let seconds: number;

  beforeAll(async () => {
    const started = performance.now();
    result = await seedDemo({ publicUrl: PUBLIC_URL });
    seconds = (performance.now() - started) / 1_000;
    console.info(
      `seedDemo took ${seconds.toFixed(1)} s for ${result.history.messages} messages, ${result.history.attempts} attempts`,
    );
  }, 120_000);

  const one = async <T>(sql: string, values: unknown[] = []) =>
    (await pool().query<T & Record<string, unknown>>(sql, values)).rows[0]!;

  it("should create an operator, a tenant user who can sign in, the catalog and three playground endpoints", async () => {
    expect(result.operator).toMatchObject({ reused: false, password: expect.any(String) });
    expect(
      await verifyCredentials({ email: result.operator.email, password: result.operator.password! }, "127.0.0.1"),
    ).toMatchObject({ isOperator: true });
    expect(
      await verifyCredentials({ email: result.user.email, password: result.user.password }, "127.0.0.1"),
    ).toBeTruthy();
    expect(result.eventTypes.created.sort()).toEqual(DEMO_EVENT_TYPES.map((type) => type.name).sort());
    expect(result.endpoints.map((endpoint) => endpoint.mode)).toEqual(["ok", "flaky", "slow"]);
    for (const endpoint of result.endpoints)
      expect(endpoint.url).toBe(`${PUBLIC_URL}/api/playground/${endpoint.mode}/${endpoint.id}`);
    expect(
      await db().membership.findFirst({ where: { tenantId: result.tenant.id, user: { email: result.user.email } } }),
    ).toMatchObject({ role: "owner" });
  });

  it("should generate thousands of messages over days, with the live ones on top", async () => {
    expect(result.history.messages).toBeGreaterThan(3_000);
    expect(result.history.attempts).toBeGreaterThan(result.history.deliveries);
    const messages = await one<{ count: number; oldest: Date }>(
      `SELECT count(*)::int AS count, min(created_at) AS oldest FROM messages WHERE tenant_id = $1`,
      [result.tenant.id],
    );
    expect(messages.count).toBe(result.history.messages + result.live.messageIds.length);
    expect(Date.now() - messages.oldest.getTime()).toBeGreaterThan(2.9 * 86_400_000);
    const attempts = await one<{ count: number }>(`SELECT count(*)::int AS count FROM attempts WHERE tenant_id = $1`, [
      result.tenant.id,
    ]);
    expect(attempts.count).toBe(result.history.attempts);
  });

  it("should roll up exactly the attempts into endpoint_stats, as the worker would", async () => {
    // The worker's rollup (lib/stats addSample), recomputed here from the attempt rows.
    const attempts = await pool().query<{
      endpoint_id: string;
      started_at: Date;
      duration_ms: number;
      response_status: number | null;
    }>(`SELECT endpoint_id, started_at, duration_ms, response_status FROM attempts WHERE tenant_id = $1`, [
      result.tenant.id,
    ]);
    const expected = new Map<
      string,
      { succeeded: number; failed: number; latencySumMs: number; histogram: number[] }
    >();
    for (const attempt of attempts.rows) {
      const key = `${attempt.endpoint_id} ${Math.floor(attempt.started_at.getTime() / 60_000) * 60_000}`;
      const rollup = expected.get(key) ?? { succeeded: 0, failed: 0, latencySumMs: 0, histogram: emptyHistogram() };
      if (attempt.response_status !== null && attempt.response_status >= 200 && attempt.response_status <= 299)
        rollup.succeeded++;
      else rollup.failed++;
      rollup.latencySumMs += attempt.duration_ms;
      addSample(rollup.histogram, attempt.duration_ms);
      expected.set(key, rollup);
    }
    const stats = await db().endpointStats.findMany({ where: { tenantId: result.tenant.id } });
    const actual = new Map(
      stats.map((row) => [
        `${row.endpointId} ${row.minute.getTime()}`,
        {
          succeeded: row.succeeded,
          failed: row.failed,
          latencySumMs: Number(row.latencySumMs),
          histogram: row.histogram,
        },
      ]),
    );
    expect(actual.size).toBe(expected.size);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    const total = stats.reduce((sum, row) => sum + row.succeeded + row.failed, 0);
    expect(total).toBe(result.history.attempts);
  });

  it("should fill the hourly rollups (endpoint and tenant) with the sums of the minute rows, and count the messages of every closed hour", async () => {
    const minutes = await db().endpointStats.findMany({ where: { tenantId: result.tenant.id } });
    const expected = new Map<
      string,
      { succeeded: number; failed: number; latencySumMs: number; histogram: number[] }
    >();
    for (const row of minutes) {
      const key = `${row.endpointId} ${Math.floor(row.minute.getTime() / 3_600_000) * 3_600_000}`;
      const sum = expected.get(key) ?? { succeeded: 0, failed: 0, latencySumMs: 0, histogram: emptyHistogram() };
      sum.succeeded += row.succeeded;
      sum.failed += row.failed;
      sum.latencySumMs += Number(row.latencySumMs);
      sum.histogram = mergeHistograms(sum.histogram, row.histogram);
      expected.set(key, sum);
    }
    const hours = await db().endpointStatsHourly.findMany({ where: { tenantId: result.tenant.id } });
    const actual = new Map(
      hours.map((row) => [
        `${row.endpointId} ${row.hour.getTime()}`,
        {
          succeeded: row.succeeded,
          failed: row.failed,
          latencySumMs: Number(row.latencySumMs),
          histogram: row.histogram,
        },
      ]),
    );
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    const tenantExpected = new Map<
      number,
      { succeeded: number; failed: number; latencySumMs: number; histogram: number[] }
    >();
    for (const row of hours) {
      const sum = tenantExpected.get(row.hour.getTime()) ?? {
        succeeded: 0,
        failed: 0,
        latencySumMs: 0,
        histogram: emptyHistogram(),
      };
      sum.succeeded += row.succeeded;
      sum.failed += row.failed;
      sum.latencySumMs += Number(row.latencySumMs);
      sum.histogram = mergeHistograms(sum.histogram, row.histogram);
      tenantExpected.set(row.hour.getTime(), sum);
    }
    const tenantHours = await db().tenantStatsHourly.findMany({ where: { tenantId: result.tenant.id } });
    expect(
      Object.fromEntries(
        tenantHours.map((row) => [
          row.hour.getTime(),
          {
            succeeded: row.succeeded,
            failed: row.failed,
            latencySumMs: Number(row.latencySumMs),
            histogram: row.histogram,
          },
        ]),
      ),
    ).toEqual(Object.fromEntries(tenantExpected));

    const { rows } = await pool().query<{ hour: Date; stored: number; counted: number }>(
      `SELECT c.hour, c.messages AS stored, (SELECT count(*)::int FROM messages m WHERE m.tenant_id = c.tenant_id AND m.created_at >= c.hour AND m.created_at < c.hour + interval '1 hour') AS counted
         FROM message_counts_hourly c WHERE c.tenant_id = $1 ORDER BY c.hour`,
      [result.tenant.id],
    );
    expect(rows.filter((row) => row.stored !== row.counted)).toEqual([]);
    // Every hour from the first message's to the last closed one, none missing.
    const oldest = await one<{ at: Date }>(`SELECT min(created_at) AS at FROM messages WHERE tenant_id = $1`, [
      result.tenant.id,
    ]);
    const firstHour = Math.floor(oldest.at.getTime() / 3_600_000) * 3_600_000;
    expect(rows[0]!.hour.getTime()).toBe(firstHour);
    expect(rows.length).toBe((closedHoursEnd(new Date()) - firstHour) / 3_600_000);
  });

  it("should leave every delivery in the state its attempts say", async () => {
    const inconsistent = await pool().query(
      `SELECT d.id, d.status, d.attempt_count, count(a.id) AS attempts
         FROM deliveries d LEFT JOIN attempts a ON a.delivery_id = d.id
        WHERE d.tenant_id = $1 AND d.message_id <> ALL ($2::text[])
        GROUP BY d.id
       HAVING d.attempt_count <> count(a.id)
           OR (d.status = 'succeeded') <> coalesce(bool_or(a.response_status BETWEEN 200 AND 299), false)
           OR (d.status = 'pending' AND d.next_attempt_at <= now())
           OR (d.status = 'failed' AND count(a.id) <> 8)
           OR d.status = 'sending'`,
      [result.tenant.id, result.live.messageIds],
    );
    expect(inconsistent.rows).toEqual([]);
    const states = await pool().query<{ status: string }>(
      `SELECT DISTINCT status::text AS status FROM deliveries WHERE tenant_id = $1`,
      [result.tenant.id],
    );
    expect(states.rows.map((row) => row.status).sort()).toEqual(expect.arrayContaining(["pending", "succeeded"]));
  });

  it("should set each endpoint's health from its last attempts", async () => {
    const rows = await pool().query<{ id: string; last_success_at: Date; expected: Date }>(
      `SELECT e.id, e.last_success_at, (SELECT max(started_at) FROM attempts a WHERE a.endpoint_id = e.id AND a.response_status BETWEEN 200 AND 299) AS expected
         FROM endpoints e WHERE e.tenant_id = $1`,
      [result.tenant.id],
    );
    for (const row of rows.rows) expect(row.last_success_at).toEqual(row.expected);
  });

  it("should publish payloads that match their event type's schema", async () => {
    const sample = await pool().query<{ event_type: string; payload: unknown }>(
      `SELECT event_type, payload FROM messages WHERE tenant_id = $1 ORDER BY random() LIMIT 200`,
      [result.tenant.id],
    );
    for (const row of sample.rows) {
      const type = DEMO_EVENT_TYPES.find((candidate) => candidate.name === row.event_type)!;
      expect(
        validateAgainstSchema(type.schema, row.payload, `demo:${type.name}`),
        `${row.event_type} ${JSON.stringify(row.payload)}`,
      ).toEqual([]);
    }
  });

  it("should reuse the operator and replace the demo tenant when run again", async () => {
    const again = await seedDemo({ publicUrl: PUBLIC_URL, days: 1 });
    expect(again.operator).toEqual({ email: result.operator.email, password: null, reused: true });
    expect(again.tenant.replaced).toBe(1);
    expect(again.eventTypes.created).toEqual([]);
    expect(await db().tenant.count({ where: { name: DEMO_TENANT_NAME } })).toBe(1);
    expect(await db().message.count({ where: { tenantId: result.tenant.id } })).toBe(0);
  }, 120_000);
});
