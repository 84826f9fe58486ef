// Messages published per time bucket, for the overview's volume chart. Closed hours come from
// message_counts_hourly (counted by the workers' maintenance loop, roll-up-message-counts.ts);
// everything else is counted from the messages table: the current hour, the partial hours at
// the range's edges, hours inside a minute bucket, and any hour without a stored row (not
// counted yet, e.g. while no worker ran, or past its tenant's retention). Message ids encode
// their creation time (lib/ids), so those stretches become id ranges and one pass over the
// (tenant_id, id) index per stretch counts them (an index-only scan: messages are never
// updated, so their pages stay all-visible). The cost grows with the messages in the counted
// stretches, normally the last hour or two, never with the length of the range.
//
// Semantics of a stored hour: the messages that existed when it was counted. Messages deleted
// afterwards stay counted until retention drops the hour's row (rows of hours past a tenant's
// retention are purged with its messages, and a tenant's rows go with the tenant), so a chart
// shows what was published, not what is still stored.
import "server-only";
import { pool } from "@/lib/db";
import { idFloorAt } from "@/lib/ids";
import { hoursInsideBuckets, HOUR_MS, uncoveredRanges } from "@/lib/stats/split-range";

/** Index i of the bucket [edges[i], edges[i+1]) holding `time`. */
function bucketOf(edges: readonly number[], time: number): number {
  let low = 0;
  let high = edges.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (edges[middle]! <= time) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Counts for the buckets [edges[i], edges[i+1]); one number fewer than `edges`. */
export async function countMessagesPerBucket(tenantId: string, edges: readonly Date[]): Promise<number[]> {
  const counts = new Array<number>(Math.max(edges.length - 1, 0)).fill(0);
  if (counts.length === 0) return counts;
  const bounds = edges.map((edge) => edge.getTime());
  const candidates = hoursInsideBuckets(bounds);
  const covered: number[] = [];
  if (candidates.length) {
    const wanted = new Set(candidates);
    const { rows } = await pool().query<{ hour: Date; messages: number }>(
      `SELECT hour, messages FROM message_counts_hourly WHERE tenant_id = $1 AND hour >= $2 AND hour < $3 ORDER BY hour`,
      [tenantId, new Date(candidates[0]!), new Date(candidates[candidates.length - 1]! + HOUR_MS)],
    );
    for (const row of rows) {
      const hour = row.hour.getTime();
      if (!wanted.has(hour)) continue;
      covered.push(hour);
      counts[bucketOf(bounds, hour)]! += row.messages;
    }
  }
  const live = uncoveredRanges(bounds[0]!, bounds[bounds.length - 1]!, covered);
  if (!live.length) return counts;
  // Each uncounted stretch cut at the bucket edges, so every piece lies in one bucket and is one
  // index-only count; grouping the ids instead made PostgreSQL size a hash table for its
  // estimate of the rows (a million and more at 10M messages) for a handful of buckets.
  const pieces: Array<[number, number, number]> = [];
  for (const [from, to] of live)
    for (let bucket = bucketOf(bounds, from); bucket < counts.length && bounds[bucket]! < to; bucket++) {
      const start = Math.max(from, bounds[bucket]!);
      const end = Math.min(to, bounds[bucket + 1]!);
      if (start < end) pieces.push([bucket, start, end]);
    }
  const { rows } = await pool().query<{ bucket: number; messages: number }>(
    `SELECT r.bucket, (SELECT count(*)::int FROM messages WHERE tenant_id = $1 AND id >= r.lo AND id < r.hi) AS messages
       FROM unnest($2::int[], $3::text[], $4::text[]) AS r(bucket, lo, hi)`,
    [
      tenantId,
      pieces.map(([bucket]) => bucket),
      pieces.map(([, from]) => idFloorAt("message", new Date(from))),
      pieces.map(([, , to]) => idFloorAt("message", new Date(to))),
    ],
  );
  for (const row of rows) counts[row.bucket]! += row.messages;
  return counts;
}
