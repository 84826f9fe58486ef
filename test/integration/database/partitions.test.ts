// Time partitions (lib/database/partitions.ts): the maintenance creates them ahead under an
// advisory lock, and a publish across midnight is delivered whether the partitions of both
// days exist or not: without one, rows land in the default partition, are delivered from
// there, and the next maintenance round moves them into a partition of their own (also while
// they are still waiting to be delivered).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePartitions, listPartitions, PARTITION_LOCK, partitionName } from "@/lib/database/partitions";
import { publishMessages } from "@/lib/messages/publish-messages";
import { useTestDatabase } from "../../helpers/database";
import { createTenant, createTestEndpoint, createTestEventType } from "../../helpers/fixtures";
import { testMaintenance } from "../../helpers/maintenance";
import { startReceiver, type Receiver } from "../../helpers/receiver";
import { eventually, startTestWorker } from "../../helpers/worker";

const DAY = 86_400_000;
const midnight = (daysFromToday: number) => new Date(Math.floor(Date.now() / DAY) * DAY + daysFromToday * DAY);
const TABLES = ["messages", "deliveries", "attempts"] as const;

describe("time partitions", () => {
  const databaseUrl = useTestDatabase();
  let client: pg.Client;
  let receiver: Receiver;
  let tenantId: string;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    receiver = await startReceiver();
    tenantId = await createTenant("Night shift");
    await createTestEventType({ name: "night.event" });
    await createTestEndpoint(tenantId, { url: receiver.url("/night"), eventTypes: ["night.event"] });
  });
  afterAll(async () => {
    await client.end();
    await receiver.close();
  });

  /** Where each of the messages and their deliveries are stored (partition names). */
  async function placement(messageIds: string[]) {
    const { rows } = await client.query<{ message: string; delivery: string }>(
      `SELECT m.tableoid::regclass::text AS message, d.tableoid::regclass::text AS delivery
         FROM unnest($1::text[]) WITH ORDINALITY AS x(id, n)
         JOIN messages m ON m.id = x.id JOIN deliveries d ON d.message_id = m.id ORDER BY x.n`,
      [messageIds],
    );
    return rows;
  }

  async function publishAt(at: Date, n: number): Promise<string> {
    const [message] = await publishMessages(tenantId, [{ eventType: "night.event", payload: { n } }], { now: at });
    return message!.id;
  }

  async function deliveredAll(messageIds: string[]) {
    await eventually(
      async () => {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM deliveries WHERE message_id = ANY($1::text[]) AND status = 'succeeded'`,
          [messageIds],
        );
        return rows[0]!.n === messageIds.length ? true : undefined;
      },
      20_000,
      "every delivery to succeed",
    );
    const received = new Set(receiver.at("/night").map((request) => request.headers["webhook-id"]));
    for (const id of messageIds) expect(received.has(id), id).toBe(true);
  }

  it("should have today's partition and three days ahead from the migration, and the maintenance keep them ahead", async () => {
    for (const table of TABLES) {
      const names = (await listPartitions(client, table)).map((partition) => partition.name);
      for (const day of [0, 1, 2, 3]) expect(names).toContain(partitionName(table, midnight(day)));
      expect(names.at(-1)).toBe(`${table}_default`);
    }
    // A week ahead: the maintenance round creates the four days the migration did not.
    await testMaintenance().runOnce();
    const result = await ensurePartitions({ partitionDays: 1, aheadDays: 7 });
    expect(result.created).toEqual(
      TABLES.flatMap((table) => [4, 5, 6, 7].map((day) => partitionName(table, midnight(day)))),
    );
    expect((await ensurePartitions({ partitionDays: 1, aheadDays: 7 })).created).toEqual([]);
  });

  it("should skip the round while another worker holds the partition lock", async () => {
    await client.query(`SELECT pg_advisory_lock($1)`, [PARTITION_LOCK]);
    try {
      expect(await ensurePartitions({ partitionDays: 1, aheadDays: 9 })).toEqual({ ran: false, created: [], moved: 0 });
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1)`, [PARTITION_LOCK]);
    }
  });

  it("should deliver messages published across midnight, with and without partitions on either side", async () => {
    // Partitions for the days before and after last midnight but one exist (made "ahead" then);
    // around midnight ten days ago there are none.
    const withPartitions = midnight(-1);
    const without = midnight(-10);
    await ensurePartitions({ partitionDays: 1, aheadDays: 1, now: new Date(withPartitions.getTime() - DAY) });
    const ids = [
      await publishAt(new Date(withPartitions.getTime() - 1), 1),
      await publishAt(withPartitions, 2),
      await publishAt(new Date(without.getTime() - 1), 3),
      await publishAt(without, 4),
    ];
    expect(await placement(ids)).toEqual([
      { message: partitionName("messages", midnight(-2)), delivery: partitionName("deliveries", midnight(-2)) },
      { message: partitionName("messages", midnight(-1)), delivery: partitionName("deliveries", midnight(-1)) },
      { message: "messages_default", delivery: "deliveries_default" },
      { message: "messages_default", delivery: "deliveries_default" },
    ]);
    startTestWorker(databaseUrl());
    await deliveredAll(ids);

    // The maintenance moves the default partition's rows into partitions of their own.
    const moved = await ensurePartitions({ partitionDays: 1, aheadDays: 3 });
    expect(moved.created).toEqual([
      partitionName("messages", midnight(-11)),
      partitionName("messages", midnight(-10)),
      partitionName("deliveries", midnight(-11)),
      partitionName("deliveries", midnight(-10)),
    ]);
    expect(moved.moved).toBe(4);
    expect((await placement(ids)).slice(2)).toEqual([
      { message: partitionName("messages", midnight(-11)), delivery: partitionName("deliveries", midnight(-11)) },
      { message: partitionName("messages", midnight(-10)), delivery: partitionName("deliveries", midnight(-10)) },
    ]);
    for (const table of TABLES) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table}_default WHERE tenant_id = $1`,
        [tenantId],
      );
      expect(rows[0]!.n, table).toBe(0);
    }
    const { rows: attempts } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM attempts WHERE message_id = ANY($1::text[])`,
      [ids],
    );
    expect(attempts[0]!.n).toBe(4);
  });

  it("should deliver messages moved out of the default partition while they wait", async () => {
    const without = midnight(-20);
    const pendingIds = [await publishAt(new Date(without.getTime() - 1), 5), await publishAt(without, 6)];
    expect((await placement(pendingIds)).map((row) => row.delivery)).toEqual([
      "deliveries_default",
      "deliveries_default",
    ]);
    // Moved before any worker looks (the worker of the previous test has stopped).
    const moved = await ensurePartitions({ partitionDays: 1, aheadDays: 3 });
    expect(moved.moved).toBe(4);
    expect((await placement(pendingIds)).map((row) => row.delivery)).toEqual([
      partitionName("deliveries", midnight(-21)),
      partitionName("deliveries", midnight(-20)),
    ]);
    startTestWorker(databaseUrl());
    await deliveredAll(pendingIds);
  });

  it("should fill the gaps when the partition size changes", async () => {
    // A daily partition exists inside a seven-day slot: switching to seven-day partitions
    // creates the pieces of the slot around it, not an overlapping partition.
    const slot = Math.floor((Date.now() + 60 * DAY) / (7 * DAY)) * 7 * DAY;
    await ensurePartitions({ partitionDays: 1, aheadDays: 0, now: new Date(slot + 2 * DAY + 1) });
    const result = await ensurePartitions({ partitionDays: 7, aheadDays: 0, now: new Date(slot + 1) });
    expect(result.created).toEqual(
      TABLES.flatMap((table) => [partitionName(table, new Date(slot)), partitionName(table, new Date(slot + 3 * DAY))]),
    );
    const ranges = (await listPartitions(client, "messages"))
      .filter((partition) => partition.from && partition.from.getTime() >= slot)
      .map((partition) => [partition.from!.getTime() - slot, partition.to!.getTime() - slot]);
    expect(ranges).toEqual([
      [0, 2 * DAY],
      [2 * DAY, 3 * DAY],
      [3 * DAY, 7 * DAY],
    ]);
  });
});
