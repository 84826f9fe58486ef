// Retention: messages, their deliveries and attempts older than their tenant's retention
// (tenants.retention_days) are deleted, and with them the tenant's message counts of the hours
// that ended before the cutoff (message_counts_hourly; an hour partly past the cutoff keeps its
// row until it is wholly past). Per-minute and per-hour statistics (endpoint and tenant) are
// kept longer (400 days by default) so charts can look back a year; an hourly row goes once its
// whole hour is past that, at most an hour after the last of its minute rows. Deletes run in
// bounded batches (each its own short transaction) so they never hold locks for long or bloat
// one transaction, and only one worker purges at a time (an advisory lock; the others skip
// this round).
//
// Portal link tokens are kept two days past the longest validity (24 h), then go: a spent or
// expired token is worth nothing; the audit trail keeps who acted.
//
// Order matters: attempts, then deliveries, then messages, so no batch cascades into an
// unbounded number of rows. A delivery still pending or sending (e.g. recovered by hand) keeps
// its message alive until it settles.
import "server-only";
import { withAdvisoryLock } from "@/lib/db";
import { idFloorAt } from "@/lib/ids";

/** The advisory lock that keeps purges to one worker at a time. */
export const PURGE_LOCK = 7_297_103_384_222;

export interface PurgeOptions {
  /** Rows per statement (and transaction). */
  batchSize?: number;
  statsRetentionDays: number;
  /** Stop after this long; the next round continues. */
  budgetMs?: number;
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
}

// Per tenant, "old" means a message id below the id floor of the tenant's cutoff time (ids
// encode their creation time), which the (tenant_id, id) and (tenant_id, message_id) indexes serve.
const STATEMENTS = {
  attempts: `DELETE FROM attempts WHERE ctid IN (
      SELECT a.ctid FROM attempts a
       WHERE a.tenant_id = $2 AND a.message_id < $3
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = a.delivery_id AND d.status IN ('pending', 'sending'))
       LIMIT $1)`,
  deliveries: `DELETE FROM deliveries WHERE ctid IN (
      SELECT d.ctid FROM deliveries d
       WHERE d.message_id < $3 AND d.tenant_id = $2 AND d.status IN ('succeeded', 'failed')
         AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.delivery_id = d.id)
       LIMIT $1)`,
  messages: `DELETE FROM messages WHERE ctid IN (
      SELECT m.ctid FROM messages m
       WHERE m.tenant_id = $2 AND m.id < $3
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id)
       LIMIT $1)`,
} as const;

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
  };
  result.ran = await withAdvisoryLock(PURGE_LOCK, async (client) => {
    const { rows: tenants } = await client.query<{ id: string; retention_days: number }>(
      `SELECT id, retention_days FROM tenants`,
    );
    const batches = async (statement: string, values: unknown[]) => {
      let total = 0;
      for (;;) {
        const { rowCount } = await client.query(statement, [batchSize, ...values]);
        total += rowCount ?? 0;
        if ((rowCount ?? 0) < batchSize || Date.now() > deadline) return total;
      }
    };
    for (const tenant of tenants) {
      const cutoffTime = new Date(Date.now() - tenant.retention_days * 86_400_000);
      const cutoff = idFloorAt("message", cutoffTime);
      for (const table of ["attempts", "deliveries", "messages"] as const) {
        result[table] += await batches(STATEMENTS[table], [tenant.id, cutoff]);
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
