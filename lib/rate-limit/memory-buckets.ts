// Buckets in this process's memory: no database write per API request, at the price of each web
// process counting on its own (N processes allow up to N times the rate; README says so).
import { takeToken, type BucketRule, type BucketState, type TakeResult } from "./token-bucket";

const MAX_BUCKETS = 50_000;
// On globalThis: the production web server loads lib/ twice (Next's bundle and the publish fast
// path, scripts/web-server.ts), and a key's requests must count against one bucket whichever
// half answers them.
const globalForBuckets = globalThis as unknown as { hooklineRateBuckets?: Map<string, BucketState> };
const buckets = (globalForBuckets.hooklineRateBuckets ??= new Map<string, BucketState>());

export function takeMemoryToken(key: string, rule: BucketRule, now = Date.now()): TakeResult {
  const result = takeToken(buckets.get(key), now, rule);
  if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) buckets.clear(); // a full bucket is the same as no bucket
  buckets.set(key, result.state);
  return result;
}
