// Messages per tenant and closed hour: counted by the maintenance loop after a grace period,
// idempotently and one worker at a time; the overview's reader takes closed hours from the
// stored rows and counts everything else (the current hour, hours never rolled up) from the
// messages table, so an hour with messages never shows zero.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { newId } from "@/lib/ids";
import { countMessagesPerBucket } from "@/lib/stats/count-messages-per-bucket";
import { MESSAGE_COUNTS_LOCK, rollUpMessageCounts } from "@/lib/stats/roll-up-message-counts";
import { useTestDatabase } from "../../helpers/database";
import { createTenant } from "../../helpers/fixtures";
import { testMaintenance } from "../../helpers/maintenance";

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe("message counts per closed hour", () => {
  const databaseUrl = useTestDatabase();
  // A fixed "now" two days back keeps the test away from the real hour's edge.
  const hourNow = Math.floor(Date.now() / HOUR) * HOUR - 48 * HOUR;
  const created = hourNow - 6 * HOUR + 20 * MINUTE;
  let tenantId: string;
  let otherId: string;
  /** Messages per hour offset from hourNow (-6 … 0): hour -4 stays empty. */
  const perHour: Record<number, number> = { [-6]: 2, [-5]: 3, [-3]: 1, [-2]: 4, [-1]: 2, [0]: 3 };

  async function insertMessage(tenant: string, at: number): Promise<void> {
    await pool().query(
      `INSERT INTO messages (id, tenant_id, event_type, payload, created_at) VALUES ($1, $2, 'invoice.paid', '{}', $3)`,
      [newId("message", at), tenant, new Date(at)],
    );
  }

  async function stored(tenant: string): Promise<Record<number, number>> {
    const { rows } = await pool().query<{ hour: Date; messages: number }>(
      `SELECT hour, messages FROM message_counts_hourly WHERE tenant_id = $1 ORDER BY hour`,
      [tenant],
    );
    return Object.fromEntries(rows.map((row) => [(row.hour.getTime() - hourNow) / HOUR, row.messages]));
  }

  beforeAll(async () => {
    tenantId = await createTenant();
    otherId = await createTenant("Other");
    await pool().query(`UPDATE tenants SET created_at = $1`, [new Date(created)]);
    for (const [offset, count] of Object.entries(perHour)) {
      for (let index = 0; index < count; index++)
        await insertMessage(tenantId, hourNow + Number(offset) * HOUR + (index * 7 + 1) * MINUTE);
    }
    // The last millisecond of hour -1 and the first of hour 0: the edges belong to one hour each.
    await insertMessage(tenantId, hourNow - 1);
    await insertMessage(tenantId, hourNow);
    await insertMessage(otherId, hourNow - 2 * HOUR + MINUTE);
  });

  it("should count every closed hour since the tenant's creation, empty ones included, once the grace period is over", async () => {
    // 4 minutes into hour 0: hour -1 ended less than the 5-minute grace ago, so it waits.
    const early = await rollUpMessageCounts({ now: new Date(hourNow + 4 * MINUTE) });
    expect(early).toMatchObject({ ran: true, complete: true });
    expect(await stored(tenantId)).toEqual({ [-6]: 2, [-5]: 3, [-4]: 0, [-3]: 1, [-2]: 4 });

    const later = await rollUpMessageCounts({ now: new Date(hourNow + 6 * MINUTE) });
    expect(later).toMatchObject({ ran: true, complete: true, hours: 2 }); // hour -1 of both tenants
    expect(await stored(tenantId)).toEqual({ [-6]: 2, [-5]: 3, [-4]: 0, [-3]: 1, [-2]: 4, [-1]: 3 });
    expect(await stored(otherId)).toEqual({ [-6]: 0, [-5]: 0, [-4]: 0, [-3]: 0, [-2]: 1, [-1]: 0 });
  });

  it("should change nothing when run again, and skip the round while another worker holds the lock", async () => {
    const before = (
      await pool().query(`SELECT tenant_id, hour, messages, counted_at FROM message_counts_hourly ORDER BY 1, 2`)
    ).rows;
    expect(await rollUpMessageCounts({ now: new Date(hourNow + 6 * MINUTE) })).toMatchObject({
      ran: true,
      complete: true,
      hours: 0,
    });
    expect(
      (await pool().query(`SELECT tenant_id, hour, messages, counted_at FROM message_counts_hourly ORDER BY 1, 2`))
        .rows,
    ).toEqual(before);

    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock($1)`, [MESSAGE_COUNTS_LOCK]);
      expect(await rollUpMessageCounts({ now: new Date(hourNow + 6 * MINUTE) })).toEqual({
        ran: false,
        complete: false,
        hours: 0,
      });
    } finally {
      await other.end();
    }
  });

  it("should read closed hours from the stored rows and count the rest, so a missing row never shows as zero", async () => {
    const edges = (from: number, to: number, step: number) => {
      const list: Date[] = [];
      for (let time = from; time < to; time += step) list.push(new Date(time));
      return [...list, new Date(to)];
    };
    const byHour = edges(hourNow - 6 * HOUR, hourNow + 30 * MINUTE, HOUR);
    // Hours -6 … -1 from the rows; hour 0 (open) counted: its 4 messages before :30.
    expect(await countMessagesPerBucket(tenantId, byHour)).toEqual([2, 3, 0, 1, 4, 3, 4]);

    // The rows are what is read: a stored count wins over the table…
    await pool().query(`UPDATE message_counts_hourly SET messages = 40 WHERE tenant_id = $1 AND hour = $2`, [
      tenantId,
      new Date(hourNow - 2 * HOUR),
    ]);
    expect(await countMessagesPerBucket(tenantId, byHour)).toEqual([2, 3, 0, 1, 40, 3, 4]);
    // …but not for minute buckets, which an hour's count cannot be split into.
    expect(
      await countMessagesPerBucket(tenantId, edges(hourNow - 2 * HOUR, hourNow - 2 * HOUR + 10 * MINUTE, MINUTE)),
    ).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
    // An hour without a row (the worker was down) is counted from the messages table.
    await pool().query(`DELETE FROM message_counts_hourly WHERE tenant_id = $1 AND hour IN ($2, $3)`, [
      tenantId,
      new Date(hourNow - 2 * HOUR),
      new Date(hourNow - 5 * HOUR),
    ]);
    expect(await countMessagesPerBucket(tenantId, byHour)).toEqual([2, 3, 0, 1, 4, 3, 4]);

    // Ragged edges, coarse buckets: the partial hours counted, the whole ones read or counted.
    // [-5:30, -0:30): hours -5 (counted), -4, -3 (read), -2 (counted), 2 messages of hour -1.
    // [-0:30, +0:30): the last millisecond of hour -1, then 4 messages of hour 0.
    expect(
      await countMessagesPerBucket(tenantId, [
        new Date(hourNow - 5 * HOUR - 30 * MINUTE),
        new Date(hourNow - 30 * MINUTE),
        new Date(hourNow + 30 * MINUTE),
      ]),
    ).toEqual([10, 5]);
  });

  it("should be run by the maintenance loop, which fills in the hours missed meanwhile", async () => {
    const maintenance = testMaintenance();
    await maintenance.runOnce();
    const rows = await stored(tenantId);
    expect(rows).toMatchObject({ [-6]: 2, [-5]: 3, [-4]: 0, [-3]: 1, [-2]: 4, [-1]: 3, [0]: 4, [1]: 0 });
    // Up to the last closed hour of the real clock, and no further.
    const lastClosed = Math.floor((Date.now() - 5 * MINUTE) / HOUR) * HOUR - HOUR;
    expect(Math.max(...Object.keys(rows).map(Number))).toBe((lastClosed - hourNow) / HOUR);
  });
});
