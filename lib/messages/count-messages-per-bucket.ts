// Messages published per time bucket, for the overview's volume chart. There is no rollup of
// messages, but their ids encode their creation time (lib/ids), so the bucket edges become id
// edges and one pass over the (tenant_id, id) index counts them (an index-only scan: messages
// are never updated, so their pages stay all-visible). The cost grows with the messages in the
// range, which is why the overview asks for long ranges only when someone picks one.
import "server-only";
import { pool } from "@/lib/db";
import { idFloorAt } from "@/lib/ids";

/** Counts for the buckets [edges[i], edges[i+1]); one number fewer than `edges`. */
export async function countMessagesPerBucket(tenantId: string, edges: readonly Date[]): Promise<number[]> {
  const counts = new Array<number>(Math.max(edges.length - 1, 0)).fill(0);
  if (counts.length === 0) return counts;
  const idEdges = edges.map((edge) => idFloorAt("message", edge));
  const { rows } = await pool().query<{ bucket: number; messages: number }>(
    // width_bucket: 1 for [edges[0], edges[1]), …; the id range keeps it within 1..n.
    `SELECT width_bucket(id, $2::text[]) AS bucket, count(*)::int AS messages
       FROM messages
      WHERE tenant_id = $1 AND id >= $3 AND id < $4
      GROUP BY 1`,
    [tenantId, idEdges, idEdges[0], idEdges[idEdges.length - 1]],
  );
  for (const row of rows) if (row.bucket >= 1 && row.bucket <= counts.length) counts[row.bucket - 1] = row.messages;
  return counts;
}
