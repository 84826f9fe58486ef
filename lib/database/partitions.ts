// Time partitions of messages, deliveries and attempts (docs/ARCHITECTURE.md "Partitioned
// storage"). Each table is partitioned by RANGE on its id, whose first ten characters after the
// prefix are the creation time (lib/ids.ts), into <table>_pYYYYMMDD partitions of
// HOOKLINE_PARTITION_DAYS days (aligned on multiples of that many days since 1970-01-01 UTC), plus
// <table>_default for ids no partition covers, so a missing partition never fails a write.
//
// The worker's maintenance (ensurePartitions, one worker at a time) keeps the partitions of
// today and HOOKLINE_PARTITIONS_AHEAD_DAYS days ahead created, and drains the default partition:
// when rows landed there (a clock ahead, the maintenance down for days), the partition for
// their time is created with them moved into it, one transaction per partition. A new
// partition is created detached and then attached: ATTACH takes only SHARE UPDATE EXCLUSIVE on
// the parent, so publishes and claims go on (CREATE TABLE … PARTITION OF would lock them out);
// the default partition is locked for the move. Retention (lib/retention) drops whole partitions.
import "server-only";
import pg from "pg";
import { withAdvisoryLock } from "@/lib/db";
import { ID_PREFIXES, idFloorAt, timeOfId, type IdKind } from "@/lib/ids";

export const PARTITIONED_TABLES = [
  { table: "messages", kind: "message" },
  { table: "deliveries", kind: "delivery" },
  { table: "attempts", kind: "attempt" },
] as const satisfies ReadonlyArray<{ table: string; kind: IdKind }>;

export type PartitionedTable = (typeof PARTITIONED_TABLES)[number]["table"];

/** The advisory lock that keeps partition creation to one worker at a time. */
export const PARTITION_LOCK = 7_297_103_384_223;

const DAY = 86_400_000;
/** Rows in the default partition further than this from now stay there (a stray id, not a day of traffic). */
const DRAIN_HORIZON_MS = 3_660 * DAY;

type Queryable = Pick<pg.ClientBase, "query">;

export interface Partition {
  name: string;
  /** Range bounds as times; null for the default partition. */
  from: Date | null;
  to: Date | null;
}

const BOUND = /^FOR VALUES FROM \('([^']+)'\) TO \('([^']+)'\)$/;

/** The partitions of `table`, oldest first, the default partition last. */
export async function listPartitions(db: Queryable, table: PartitionedTable): Promise<Partition[]> {
  const { rows } = await db.query<{ name: string; bound: string }>(
    `SELECT p.relname AS name, pg_get_expr(p.relpartbound, p.oid) AS bound
       FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
      WHERE i.inhparent = $1::regclass`,
    [table],
  );
  const partitions = rows.map((row): Partition => {
    const match = BOUND.exec(row.bound);
    if (!match) return { name: row.name, from: null, to: null };
    return { name: row.name, from: timeOfId(match[1]!) ?? null, to: timeOfId(match[2]!) ?? null };
  });
  return partitions.sort((a, b) => (a.from?.getTime() ?? Infinity) - (b.from?.getTime() ?? Infinity));
}

/** Start of the partition slot that holds `time`. */
export function slotStart(time: number, partitionDays: number): number {
  const size = partitionDays * DAY;
  return Math.floor(time / size) * size;
}

export function partitionName(table: PartitionedTable, from: Date): string {
  return `${table}_p${from.toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/** Parts of [from, to) that no range partition covers. */
function uncovered(from: number, to: number, partitions: readonly Partition[]): Array<[number, number]> {
  const gaps: Array<[number, number]> = [];
  let cursor = from;
  for (const partition of partitions) {
    if (!partition.from || !partition.to) continue;
    const start = partition.from.getTime();
    const end = partition.to.getTime();
    if (end <= cursor) continue;
    if (start >= to) break;
    if (start > cursor) gaps.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) gaps.push([cursor, to]);
  return gaps;
}

/**
 * Creates the partition [from, to) of `table`, moving the default partition's rows of that
 * range into it, in one transaction.
 */
async function createPartition(
  client: pg.ClientBase,
  table: PartitionedTable,
  kind: IdKind,
  from: Date,
  to: Date,
): Promise<{ name: string; moved: number }> {
  const name = partitionName(table, from);
  const q = (identifier: string) => client.escapeIdentifier(identifier);
  const lower = client.escapeLiteral(idFloorAt(kind, from));
  const upper = client.escapeLiteral(idFloorAt(kind, to));
  await client.query("BEGIN");
  try {
    // Waiting long for the lock would hold up every write behind it; the next round retries.
    await client.query("SET LOCAL lock_timeout = '5s'");
    await client.query(`LOCK TABLE ${q(`${table}_default`)} IN ACCESS EXCLUSIVE MODE`);
    await client.query(`CREATE TABLE ${q(name)} (LIKE ${q(table)} INCLUDING DEFAULTS)`);
    const { rowCount } = await client.query(
      `WITH moved AS (DELETE FROM ${q(`${table}_default`)} WHERE id >= ${lower} AND id < ${upper} RETURNING *)
       INSERT INTO ${q(name)} SELECT * FROM moved`,
    );
    await client.query(`ALTER TABLE ${q(table)} ATTACH PARTITION ${q(name)} FOR VALUES FROM (${lower}) TO (${upper})`);
    await client.query("COMMIT");
    return { name, moved: rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

export interface EnsurePartitionsOptions {
  partitionDays: number;
  aheadDays: number;
  now?: Date;
  /** Create them from this time's slot on (default: now's); bulk loads of past days. */
  from?: Date;
}

export interface EnsurePartitionsResult {
  /** False when another worker held the lock. */
  ran: boolean;
  created: string[];
  /** Rows moved out of the default partitions. */
  moved: number;
}

/**
 * Creates the partitions from today's to `aheadDays` ahead that do not exist yet, and those
 * for the rows the default partitions hold (the oldest and the newest slot per round), one
 * worker at a time.
 */
export async function ensurePartitions(options: EnsurePartitionsOptions): Promise<EnsurePartitionsResult> {
  let result: EnsurePartitionsResult = { ran: false, created: [], moved: 0 };
  const ran = await withAdvisoryLock(PARTITION_LOCK, async (client) => {
    result = await ensurePartitionsWith(client, options);
  });
  return { ...result, ran };
}

/** ensurePartitions on a connection of the caller's, without the lock (a bulk load owning the database). */
export async function ensurePartitionsWith(
  client: pg.ClientBase,
  options: EnsurePartitionsOptions,
): Promise<EnsurePartitionsResult> {
  const now = (options.now ?? new Date()).getTime();
  const result: EnsurePartitionsResult = { ran: true, created: [], moved: 0 };
  for (const { table, kind } of PARTITIONED_TABLES) {
    const slots = new Set<number>();
    for (
      let slot = slotStart(options.from?.getTime() ?? now, options.partitionDays);
      slot <= now + options.aheadDays * DAY;
      slot += options.partitionDays * DAY
    )
      slots.add(slot);
    const prefix = ID_PREFIXES[kind];
    const { rows } = await client.query<{ oldest: string | null; newest: string | null }>(
      `SELECT min(id) AS oldest, max(id) AS newest FROM ${client.escapeIdentifier(`${table}_default`)}
        WHERE id > $1 AND id < $2`,
      [`${prefix}_`, `${prefix}_~`],
    );
    for (const id of [rows[0]?.oldest, rows[0]?.newest]) {
      const time = id ? timeOfId(id)?.getTime() : undefined;
      if (time !== undefined && Math.abs(time - now) < DRAIN_HORIZON_MS)
        slots.add(slotStart(time, options.partitionDays));
    }
    let partitions = await listPartitions(client, table);
    for (const slot of [...slots].sort((a, b) => a - b)) {
      // A slot partly covered (HOOKLINE_PARTITION_DAYS changed) gets partitions for its gaps.
      for (const [from, to] of uncovered(slot, slot + options.partitionDays * DAY, partitions)) {
        const created = await createPartition(client, table, kind, new Date(from), new Date(to));
        result.created.push(created.name);
        result.moved += created.moved;
        partitions = await listPartitions(client, table);
      }
    }
  }
  return result;
}
