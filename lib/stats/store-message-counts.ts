// Counts a tenant's messages per hour and stores the counts in message_counts_hourly, for the
// overview's volume chart (lib/stats/count-messages-per-bucket.ts). Message ids encode their
// creation time (lib/ids), so an hour is an id range and each count is an index-only scan of
// (tenant_id, id) over that hour: the same scan the overview used to make on every request,
// made once per hour instead. A stored row means "this hour was counted", 0 included.
//
// Takes any client (no pool of its own): the maintenance loop passes a pooled connection, the
// demo and benchmark generators pass theirs, inside their own transactions.
import type pg from "pg";
import { idFloorAt } from "@/lib/ids";
import { floorTo, HOUR_MS } from "@/lib/stats/split-range";

/** How long after its end an hour is counted: publishes that took their id before it ended have committed by then. */
export const MESSAGE_COUNT_GRACE_MS = 5 * 60_000;

/** Start of the first hour that is not closed yet at `now`: the hours before it can be counted. */
export function closedHoursEnd(now: Date, graceMs = MESSAGE_COUNT_GRACE_MS): number {
  return floorTo(now.getTime() - graceMs, HOUR_MS);
}

// `recount: false` (the maintenance loop) leaves hours already counted alone, so workers racing
// over the same hour write it once; the generators recount, since they add messages to hours
// a worker may have counted before.
const STATEMENT = (recount: boolean) => `
  INSERT INTO message_counts_hourly (tenant_id, hour, messages)
  SELECT $1, h.hour, (SELECT count(*)::int FROM messages m WHERE m.tenant_id = $1 AND m.id >= h.lo AND m.id < h.hi)
    FROM unnest($2::timestamptz[], $3::text[], $4::text[]) AS h(hour, lo, hi)
   ${recount ? "" : "WHERE NOT EXISTS (SELECT 1 FROM message_counts_hourly c WHERE c.tenant_id = $1 AND c.hour = h.hour)"}
  ON CONFLICT (tenant_id, hour) DO ${recount ? "UPDATE SET messages = EXCLUDED.messages, counted_at = now()" : "NOTHING"}`;

/** Counts and stores the hours starting at `hours` (hour-aligned); returns the rows written. */
export async function storeMessageCounts(
  client: Pick<pg.ClientBase, "query">,
  tenantId: string,
  hours: readonly Date[],
  options: { recount?: boolean } = {},
): Promise<number> {
  if (!hours.length) return 0;
  const { rowCount } = await client.query(STATEMENT(options.recount ?? false), [
    tenantId,
    hours,
    hours.map((hour) => idFloorAt("message", hour)),
    hours.map((hour) => idFloorAt("message", new Date(hour.getTime() + HOUR_MS))),
  ]);
  return rowCount ?? 0;
}

/** The hour starts in [from, to), both hour-aligned ms. */
export function hoursBetween(from: number, to: number): Date[] {
  const hours: Date[] = [];
  for (let hour = from; hour < to; hour += HOUR_MS) hours.push(new Date(hour));
  return hours;
}
