// Buckets in PostgreSQL, for limits that must hold across every web process (login attempts:
// a password guesser must not gain a factor of N by spreading requests over processes). The row
// is locked for the read-modify-write, so concurrent takes on one key count one after another.
import "server-only";
import { pool, withTransaction } from "@/lib/db";
import { processState } from "@/lib/process-state";
import { takeToken, type BucketRule, type TakeResult } from "./token-bucket";

// A bucket idle this long is full again, so its row carries no information and is deleted.
const IDLE_MS = 3_600_000;
const PURGE_EVERY_MS = 600_000;
const purge = processState("rateLimit.lastPurge", () => ({ at: 0 }));

export async function takePostgresToken(key: string, rule: BucketRule): Promise<TakeResult> {
  const result = await withTransaction(async (client) => {
    // A new bucket starts full. Two statements, not one: the SELECT's fresh snapshot sees a row
    // that a concurrent first take has just committed, and FOR UPDATE then waits for its turn.
    await client.query(
      `INSERT INTO rate_limit_buckets (key, tokens, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING`,
      [key, rule.burst],
    );
    // The database's clock, not this process's, so that processes on different hosts agree.
    const { rows } = await client.query<{ tokens: number; updated_at: Date; now: Date }>(
      `SELECT tokens, updated_at, now() AS now FROM rate_limit_buckets WHERE key = $1 FOR UPDATE`,
      [key],
    );
    const row = rows[0]!;
    const taken = takeToken({ tokens: row.tokens, updatedAt: row.updated_at.getTime() }, row.now.getTime(), rule);
    await client.query(`UPDATE rate_limit_buckets SET tokens = $2, updated_at = $3 WHERE key = $1`, [
      key,
      taken.state.tokens,
      new Date(taken.state.updatedAt),
    ]);
    return taken;
  });
  if (Date.now() - purge.at > PURGE_EVERY_MS) {
    purge.at = Date.now();
    await pool().query(`DELETE FROM rate_limit_buckets WHERE updated_at < now() - make_interval(secs => $1 / 1000.0)`, [
      IDLE_MS,
    ]);
  }
  return result;
}
