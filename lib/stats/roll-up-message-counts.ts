// The maintenance loop's half of the message counts (store-message-counts.ts): every closed
// hour of every tenant gets its row, so the overview reads 720 rows for 30 days instead of
// counting up to millions of index entries. Nothing is added to the publish path: a counter
// row per tenant updated by every publish would serialise a tenant's concurrent publishes.
//
// - Closed: an hour is counted once it ended at least `graceMs` ago (5 minutes by default), so
//   publishes that took their id (and with it their hour) just before the hour ended have
//   committed. A message committed later than that into an hour already counted (a web host
//   whose clock runs minutes behind) is missing from that hour's count.
// - Which hours: from the tenant's creation (or its retention cutoff, whichever is later) to
//   the last closed hour, every one without a row yet. So hours missed while no worker ran are
//   filled in by the next worker; until then the reader counts them from the messages table.
//   Hours only partly inside the retention window are never stored: retention is deleting
//   their messages, and the reader counts what is left.
// - Several workers: one at a time (an advisory lock; the others skip the round), and a row is
//   only ever inserted where none exists, so a repeat or a race changes nothing.
// - Bounded: one statement per tenant and week of hours, and a time budget per round; what is
//   left waits for the next round.
import "server-only";
import { withAdvisoryLock } from "@/lib/db";
import { ceilTo, floorTo, HOUR_MS } from "@/lib/stats/split-range";
import { closedHoursEnd, hoursBetween, storeMessageCounts } from "./store-message-counts";

export { closedHoursEnd, MESSAGE_COUNT_GRACE_MS } from "./store-message-counts";

/** The advisory lock that keeps the rollup to one worker at a time. */
export const MESSAGE_COUNTS_LOCK = 7_297_103_384_223;
const HOURS_PER_STATEMENT = 7 * 24;

export interface RollUpOptions {
  now?: Date;
  graceMs?: number;
  /** Stop after this long; the next round continues. */
  budgetMs?: number;
}

export interface RollUpResult {
  /** False when another worker held the lock. */
  ran: boolean;
  /** True when every tenant's closed hours have a row (false: the budget ran out). */
  complete: boolean;
  /** Hours counted and stored in this round. */
  hours: number;
}

export async function rollUpMessageCounts(options: RollUpOptions = {}): Promise<RollUpResult> {
  const now = options.now ?? new Date();
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const end = closedHoursEnd(now, options.graceMs);
  const result: RollUpResult = { ran: false, complete: false, hours: 0 };
  result.ran = await withAdvisoryLock(MESSAGE_COUNTS_LOCK, async (client) => {
    const { rows: tenants } = await client.query<{ id: string; created_at: Date; retention_days: number }>(
      `SELECT id, created_at, retention_days FROM tenants ORDER BY id`,
    );
    for (const tenant of tenants) {
      const start = Math.max(
        floorTo(tenant.created_at.getTime(), HOUR_MS),
        ceilTo(now.getTime() - tenant.retention_days * 86_400_000, HOUR_MS),
      );
      for (let from = start; from < end; from += HOURS_PER_STATEMENT * HOUR_MS) {
        if (Date.now() > deadline) return; // out of time: complete stays false
        try {
          result.hours += await storeMessageCounts(
            client,
            tenant.id,
            hoursBetween(from, Math.min(end, from + HOURS_PER_STATEMENT * HOUR_MS)),
          );
        } catch (error) {
          // The tenant was deleted meanwhile (foreign key violation): nothing left to count.
          if ((error as { code?: string }).code === "23503") break;
          throw error;
        }
      }
    }
    result.complete = true;
  });
  return result;
}
