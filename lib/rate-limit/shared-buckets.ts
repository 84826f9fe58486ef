// Token buckets shared by every web process without a database round trip per request (the API
// rate limit sits on the publish path). Each process decides from its own bucket, in memory, and
// every SYNC_MS sends what it took since the last sync to rate_limit_counters in ONE statement for
// all its active keys; the answer is each key's total over all processes, and what the others took
// meanwhile is debited from the local bucket (which may go into debt, down to -burst). Every bucket
// thus refills at the rule's rate and pays for every process's requests: the long-run rate is the
// rule's, whatever the number of processes. The error is the lag: within one sync interval each
// process admits without knowing the others' takes, so N processes can exceed the limit by up to
// (N-1) × (what one process admits in SYNC_MS + its burst when it first sees a key, or sees it
// again after ACTIVE_MS of quiet). test/integration/deploy/shared-rate-limit.test.ts measures it.
import "server-only";
import { pool } from "@/lib/db";
import { logger } from "@/lib/logger";
import { processState } from "@/lib/process-state";
import { refill, takeToken, type BucketRule, type BucketState, type TakeResult } from "./token-bucket";

const SYNC_MS = 100;
/** A key unused this long stops syncing and forgets its total (it is full again meanwhile). */
const ACTIVE_MS = 10_000;
const MAX_BUCKETS = 50_000;
/** Rows idle this long are deleted (any process still using a key rewrites its row every SYNC_MS). */
const IDLE_MS = 3_600_000;
const PURGE_EVERY_MS = 600_000;
const WARN_EVERY_MS = 60_000;

interface SharedBucket {
  rule: BucketRule;
  state: BucketState | undefined;
  /** Taken here and not yet sent. */
  pending: number;
  /** The key's total over all processes at the last sync; null before the first (or after quiet). */
  seen: number | null;
  lastUsed: number;
}

interface Shared {
  buckets: Map<string, SharedBucket>;
  timer: NodeJS.Timeout | null;
  lastPurge: number;
  lastWarning: number;
}

const shared = processState("rateLimit.sharedBuckets", (): Shared => ({
  buckets: new Map(),
  timer: null,
  lastPurge: Date.now(),
  lastWarning: 0,
}));

export function takeSharedToken(key: string, rule: BucketRule, now = Date.now()): TakeResult {
  let bucket = shared.buckets.get(key);
  if (!bucket) {
    if (shared.buckets.size >= MAX_BUCKETS) shared.buckets.clear(); // a forgotten bucket is a full one
    bucket = { rule, state: undefined, pending: 0, seen: null, lastUsed: now };
    shared.buckets.set(key, bucket);
  }
  const result = takeToken(bucket.state, now, rule);
  bucket.rule = rule;
  bucket.state = result.state;
  bucket.lastUsed = now;
  if (result.allowed) bucket.pending += 1;
  shared.timer ??= setTimeout(() => void syncSharedBuckets(), SYNC_MS).unref();
  return result;
}

/** One sync: sends every active key's count, debits the others' takes. Exported for tests. */
export async function syncSharedBuckets(now = Date.now()): Promise<void> {
  const active: Array<[string, SharedBucket, number]> = [];
  for (const [key, bucket] of shared.buckets) {
    if (now - bucket.lastUsed > ACTIVE_MS) shared.buckets.delete(key);
    else active.push([key, bucket, bucket.pending]);
  }
  // Sorted: every process locks the rows in the same order, so two syncs never deadlock.
  active.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  try {
    if (active.length > 0) {
      const { rows } = await pool().query<{ key: string; taken: string }>(
        `INSERT INTO rate_limit_counters (key, taken, updated_at)
         SELECT key, delta, now() FROM unnest($1::text[], $2::bigint[]) AS sent(key, delta)
         ON CONFLICT (key) DO UPDATE SET taken = rate_limit_counters.taken + excluded.taken, updated_at = now()
         RETURNING key, taken::text`,
        [active.map(([key]) => key), active.map(([, , sent]) => sent)],
      );
      const totals = new Map(rows.map((row) => [row.key, Number(row.taken)]));
      const at = Date.now();
      for (const [key, bucket, sent] of active) {
        const total = totals.get(key);
        if (total === undefined) continue;
        bucket.pending -= sent;
        const others = bucket.seen === null ? 0 : total - bucket.seen - sent;
        bucket.seen = total;
        if (others > 0) bucket.state = refill(bucket.state, at, bucket.rule, others);
      }
    }
    if (now - shared.lastPurge > PURGE_EVERY_MS) {
      shared.lastPurge = now;
      await pool().query(
        `DELETE FROM rate_limit_counters WHERE updated_at < now() - make_interval(secs => $1 / 1000.0)`,
        [IDLE_MS],
      );
    }
  } catch (error) {
    // Unsynced counts stay pending and go out with the next sync; meanwhile each process counts alone.
    if (now - shared.lastWarning > WARN_EVERY_MS) {
      shared.lastWarning = now;
      logger.warn({ err: error }, "rate limit: could not share counts with the other web processes");
    }
  } finally {
    shared.timer = null;
    if (shared.buckets.size > 0) shared.timer = setTimeout(() => void syncSharedBuckets(), SYNC_MS).unref();
  }
}
