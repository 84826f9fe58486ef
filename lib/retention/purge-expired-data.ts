// Retention: messages, their deliveries and attempts older than their tenant's retention
// (tenants.retention_days) are deleted, and with them the tenant's message counts of the hours
// that ended before the cutoff (message_counts_hourly; an hour partly past the cutoff keeps its
// row until it is wholly past). Per-minute and per-hour statistics (endpoint and tenant) are
// kept longer (400 days by default) so charts can look back a year; an hourly row goes once its
// whole hour is past that, at most an hour after the last of its minute rows. Only one worker
// purges at a time (an advisory lock; the others skip this round).
//
// messages, deliveries and attempts are partitioned by day (lib/database/partitions.ts). A
// partition whose every row is past the longest retention of any tenant is dropped whole (no
// row-by-row DELETE, next to no WAL), unless it still holds a delivery that is pending or
// sending, or attempts of one (e.g. recovered by hand): those keep it until they settle. Rows
// of tenants with a shorter retention are deleted inside the partitions in bounded batches (each
// its own short statement, by ctid within one partition) so they never hold locks for long or
// bloat one transaction.
//
// Portal link tokens are kept two days past the longest validity (24 h), then go: a spent or
// expired token is worth nothing; the audit trail keeps who acted.
//
// Order matters: attempts, then deliveries, then messages (with their labels), so no row is
// left pointing at a deleted one (there are no foreign keys between them to cascade). A delivery
// still pending or sending keeps its message alive until it settles.
import "server-only";
import type pg from "pg";
import { withAdvisoryLock } from "@/lib/db";
import { listPartitions, type Partition, type PartitionedTable } from "@/lib/database/partitions";
import { idFloorAt } from "@/lib/ids";

/** The advisory lock that keeps purges to one worker at a time. */
export const PURGE_LOCK = 7_297_103_384_222;

export interface PurgeOptions {
  /** Rows per statement (and transaction). */
  batchSize?: number;
  statsRetentionDays: number;
  /** Stop after this long; the next round continues. */
  budgetMs?: number;
  /** False: no partition is dropped, every row goes by batched DELETE (the purge benchmark's baseline). */
  dropPartitions?: boolean;
}

export interface PurgeResult {
  ran: boolean;
  attempts: number;
  deliveries: number;
  messages: number;
  stats: number;
  hourlyStats: number;
  messageCounts: number;
  portalTokens: number;
  /** Partitions dropped whole (names). */
  droppedPartitions: string[];
}

// Per tenant, "old" means a message id below the id floor of the tenant's cutoff time (ids
// encode their creation time), which the (tenant_id, id) and (tenant_id, message_id) indexes
// serve. Each statement works on one partition ($P): a ctid is only unique within one.
const STATEMENTS = {
  attempts: `WITH gone AS (DELETE FROM $P WHERE ctid IN (
      SELECT a.ctid FROM $P a
       WHERE a.tenant_id = $2 AND a.message_id < $3
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.delivery_id AND d.status IN ('pending', 'sending'))
       LIMIT $1) RETURNING 1)
    SELECT count(*)::int AS count FROM gone`,
  deliveries: `WITH gone AS (DELETE FROM $P WHERE ctid IN (
      SELECT d.ctid FROM $P d
       WHERE d.message_id < $3 AND d.tenant_id = $2 AND d.status IN ('succeeded', 'failed')
         AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.delivery_id = d.id)
       LIMIT $1) RETURNING 1)
    SELECT count(*)::int AS count FROM gone`,
  // A message's labels go with it.
  messages: `WITH gone AS (DELETE FROM $P WHERE ctid IN (
      SELECT m.ctid FROM $P m
       WHERE m.tenant_id = $2 AND m.id < $3
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id)
       LIMIT $1) RETURNING id),
    labels AS (DELETE FROM message_labels l USING gone WHERE l.message_id = gone.id)
    SELECT count(*)::int AS count FROM gone`,
} as const;

// A partition past every retention may go unless it holds, or holds attempts of, a delivery
// still pending or sending; a messages partition once no delivery of its messages is left (they
// share its day: that day's deliveries partition went first, or stays with them). The labels of
// a messages partition's messages are deleted first. Checked again under the table's lock,
// right before the DROP, so a delivery recovered meanwhile keeps it.
const PARTITION_IN_USE: Record<PartitionedTable, string> = {
  attempts: `SELECT 1 FROM deliveries d WHERE d.status IN ('pending', 'sending')
                AND EXISTS (SELECT 1 FROM $P a WHERE a.delivery_id = d.id) LIMIT 1`,
  deliveries: `SELECT 1 FROM $P WHERE status IN ('pending', 'sending') LIMIT 1`,
  messages: `SELECT 1 FROM deliveries d WHERE d.message_id >= $1 AND d.message_id < $2 LIMIT 1`,
};
const PARTITION_LABELS = `DELETE FROM message_labels WHERE ctid IN (
    SELECT ctid FROM message_labels WHERE message_id >= $2 AND message_id < $3 LIMIT $1)`;

// Ids encode creation time, so the primary key finds old tokens without an index of its own.
const PORTAL_TOKENS = `DELETE FROM portal_tokens WHERE ctid IN (
    SELECT ctid FROM portal_tokens WHERE id < $2 LIMIT $1)`;
const PORTAL_TOKEN_KEEP_MS = 3 * 86_400_000;

const STATS = `DELETE FROM endpoint_stats WHERE ctid IN (
    SELECT ctid FROM endpoint_stats WHERE minute < now() - make_interval(days => $2) LIMIT $1)`;
const HOURLY_STATS = (table: "endpoint_stats_hourly" | "tenant_stats_hourly") => `DELETE FROM ${table} WHERE ctid IN (
    SELECT ctid FROM ${table} WHERE hour <= now() - make_interval(days => $2) - interval '1 hour' LIMIT $1)`;
// Hours that ended at or before the tenant's cutoff time ($3); the reader counts anything
// younger from the messages table, so dropping a row never hides a message still stored.
const MESSAGE_COUNTS = `DELETE FROM message_counts_hourly WHERE ctid IN (
    SELECT ctid FROM message_counts_hourly WHERE tenant_id = $2 AND hour <= $3::timestamptz - interval '1 hour' LIMIT $1)`;

type Batches = (statement: string, values: unknown[]) => Promise<number>;

/**
 * Drops the partitions of messages, deliveries and attempts that end at or before `cutoff`
 * (the longest retention's), attempts first; returns their names.
 */
async function dropExpiredPartitions(
  client: pg.PoolClient,
  cutoff: Date,
  batches: Batches,
  deadline: number,
): Promise<string[]> {
  const dropped: string[] = [];
  const kinds = { attempts: "attempt", deliveries: "delivery", messages: "message" } as const;
  for (const table of ["attempts", "deliveries", "messages"] as const) {
    const expired = (await listPartitions(client, table)).filter(
      (partition): partition is Partition & { from: Date; to: Date } =>
        partition.from !== null && partition.to !== null && partition.to <= cutoff,
    );
    for (const partition of expired) {
      if (Date.now() > deadline) return dropped;
      const name = client.escapeIdentifier(partition.name);
      const range = [idFloorAt(kinds[table], partition.from), idFloorAt(kinds[table], partition.to)];
      const inUse = async () =>
        Boolean(
          (await client.query(PARTITION_IN_USE[table].replaceAll("$P", name), table === "messages" ? range : []))
            .rowCount,
        );
      if (await inUse()) continue;
      if (table === "messages") {
        await batches(PARTITION_LABELS, range);
        if (Date.now() > deadline) return dropped;
      }
      // DROP locks the parent for an instant. The parent first, as every statement locks a
      // parent before its partitions (the partition first would deadlock with a statement that
      // holds the parent and waits for the partition); rather than queue every write behind a
      // long transaction, give up after 2 s and try again next round.
      await client.query("BEGIN");
      try {
        await client.query("SET LOCAL lock_timeout = '2s'");
        await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        // The checks that an index answers, again now that nothing can change (a recovered
        // delivery's older attempts may go: its history, not its delivery).
        if (table !== "attempts" && (await inUse())) {
          await client.query("ROLLBACK");
          continue;
        }
        await client.query(`DROP TABLE ${name}`);
        await client.query("COMMIT");
        dropped.push(partition.name);
      } catch (error) {
        await client.query("ROLLBACK");
        if ((error as { code?: string }).code !== "55P03") throw error;
      }
    }
  }
  return dropped;
}

export async function purgeExpiredData(options: PurgeOptions): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? 5_000;
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const result: PurgeResult = {
    ran: false,
    attempts: 0,
    deliveries: 0,
    messages: 0,
    stats: 0,
    hourlyStats: 0,
    messageCounts: 0,
    portalTokens: 0,
    droppedPartitions: [],
  };
  result.ran = await withAdvisoryLock(PURGE_LOCK, async (client) => {
    const { rows: tenants } = await client.query<{ id: string; retention_days: number }>(
      `SELECT id, retention_days FROM tenants`,
    );
    const batches: Batches = async (statement, values) => {
      let total = 0;
      for (;;) {
        const { rowCount, rows } = await client.query<{ count?: number }>(statement, [batchSize, ...values]);
        const count = rows[0]?.count ?? rowCount ?? 0;
        total += count;
        if (count < batchSize || Date.now() > deadline) return total;
      }
    };
    if (tenants.length && options.dropPartitions !== false) {
      const longest = Math.max(...tenants.map((tenant) => tenant.retention_days));
      result.droppedPartitions = await dropExpiredPartitions(
        client,
        new Date(Date.now() - longest * 86_400_000),
        batches,
        deadline,
      );
    }
    const partitions = {
      attempts: await listPartitions(client, "attempts"),
      deliveries: await listPartitions(client, "deliveries"),
      messages: await listPartitions(client, "messages"),
    };
    for (const tenant of tenants) {
      const cutoffTime = new Date(Date.now() - tenant.retention_days * 86_400_000);
      const cutoff = idFloorAt("message", cutoffTime);
      for (const table of ["attempts", "deliveries", "messages"] as const) {
        // Messages and deliveries sit in the partition of their message's time; an attempt in
        // that of its own (a retry days later), so every attempts partition may hold old ones.
        const holding = partitions[table].filter(
          (partition) => table === "attempts" || partition.from === null || partition.from < cutoffTime,
        );
        for (const partition of holding) {
          if (Date.now() > deadline) break;
          result[table] += await batches(STATEMENTS[table].replaceAll("$P", client.escapeIdentifier(partition.name)), [
            tenant.id,
            cutoff,
          ]);
        }
      }
      result.messageCounts += await batches(MESSAGE_COUNTS, [tenant.id, cutoffTime]);
      if (Date.now() > deadline) break;
    }
    if (Date.now() <= deadline) result.stats = await batches(STATS, [options.statsRetentionDays]);
    for (const table of ["endpoint_stats_hourly", "tenant_stats_hourly"] as const) {
      if (Date.now() <= deadline)
        result.hourlyStats += await batches(HOURLY_STATS(table), [options.statsRetentionDays]);
    }
    if (Date.now() <= deadline)
      result.portalTokens = await batches(PORTAL_TOKENS, [
        idFloorAt("portalToken", new Date(Date.now() - PORTAL_TOKEN_KEEP_MS)),
      ]);
  });
  return result;
}
